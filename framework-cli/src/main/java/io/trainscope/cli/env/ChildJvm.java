package io.trainscope.cli.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe's {@code main} in a child JVM on this JVM's classpath, with native settings in its
 * environment (they must be there before ND4J's library loads, so they cannot be tried in-process).
 */
public final class ChildJvm {

    /** What the child printed, or why it gave nothing. */
    public record Output(String stdout, String stderr, int exit, String failure) {
        static Output failed(String failure) {
            return new Output("", "", -1, failure);
        }
    }

    private ChildJvm() {
    }

    /**
     * The JVM options of the launcher's training commands that change the speed of a training step
     * (javacpp's resident-memory check off), for probes that time one.
     */
    public static final List<String> TRAINING_OPTIONS = List.of("-Dorg.bytedeco.javacpp.maxPhysicalBytes=0");

    /**
     * Runs {@code mainClass} with {@code args} and no JVM options of its own; {@code env} entries with
     * a null value are removed from the child's environment, the others set.
     */
    public static Output run(Class<?> mainClass, List<String> args, Map<String, String> env, long timeoutSeconds) {
        return run(mainClass, List.of(), args, env, timeoutSeconds);
    }

    /** As {@link #run(Class, List, Map, long)}, with {@code jvmOptions} before the main class. */
    public static Output run(Class<?> mainClass, List<String> jvmOptions, List<String> args, Map<String, String> env,
                             long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command(mainClass, jvmOptions, args));
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            var err = new java.util.concurrent.CompletableFuture<byte[]>();
            Thread drain = new Thread(() -> {
                try {
                    err.complete(p.getErrorStream().readAllBytes());
                } catch (IOException e) {
                    err.complete(new byte[0]);
                }
            });
            drain.setDaemon(true);
            drain.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Output.failed("timed out after " + timeoutSeconds + " s");
            }
            drain.join(TimeUnit.SECONDS.toMillis(5));
            String stderr = new String(err.getNow(new byte[0]), StandardCharsets.UTF_8);
            return new Output(new String(out, StandardCharsets.UTF_8), stderr, p.exitValue(), null);
        } catch (IOException e) {
            return Output.failed("could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Output.failed("interrupted");
        }
    }

    private static List<String> command(Class<?> mainClass, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        cmd.addAll(args);
        return cmd;
    }
}
