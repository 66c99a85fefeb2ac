package io.trainscope.cli.env;

import java.util.Map;

/**
 * Prints the native settings as shell {@code export} lines, for the launcher to evaluate before it
 * starts the command line (ND4J reads them when its native library loads). Calibrates once per
 * machine; never loads ND4J in this process.
 */
public final class NativeSetup {

    private NativeSetup() {
    }

    public static void main(String[] args) {
        boolean recalibrate = args.length > 0 && args[0].equals("--recalibrate");
        Map<String, String> user = System.getenv();
        if (recalibrate || NativeCalibration.cached().isEmpty()) {
            System.err.println("trainscope: choosing native settings for this CPU (once per machine, a few seconds)...");
        }
        NativeSettings settings = NativeCalibration.forThisMachine(recalibrate);
        settings.exports(user).forEach((k, v) -> System.out.println("export " + k + "='" + v.replace("'", "'\\''") + "'"));
    }
}
