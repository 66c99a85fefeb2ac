package io.trainscope.cli.example;

/** A test-only example: prints its arguments, or fails on {@code --bad} as an example does on bad input. */
public final class EchoExample {

    private EchoExample() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--bad")) {
            throw new IllegalArgumentException("--bad is not an argument of this example");
        }
        System.out.println("echo: " + String.join(" ", args));
    }
}
