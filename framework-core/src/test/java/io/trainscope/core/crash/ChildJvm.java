package io.trainscope.core.crash;

import io.trainscope.core.run.CrashPoint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One training JVM of {@link CrashResumeTest} ({@link CrashChild}), run until it completes or
 * until it holds at a crash point, where it is killed with SIGKILL ({@code destroyForcibly} on
 * Linux; its exit status is then 128 + 9). Every JVM gets the same flags and
 * {@code OMP_NUM_THREADS=1}, so that ND4J computes the same results in each.
 */
final class ChildJvm {

    /** Exit status of a process killed by SIGKILL. */
    static final int SIGKILLED = 128 + 9;
    /** A guard against a child that hangs (never an assertion on time). */
    private static final long HANG_MINUTES = 3;
    private static final String EOF = "\u0000eof";

    private final String hold;
    private final List<String> output;
    private final String heldAt;
    private final int exit;

    private ChildJvm(String hold, List<String> output, String heldAt, int exit) {
        this.hold = hold;
        this.output = output;
        this.heldAt = heldAt;
        this.exit = exit;
    }

    /**
     * Runs {@code CrashChild args...}; with {@code hold} ({@code POINT:N}) it kills the child as
     * soon as it says it holds there.
     */
    static ChildJvm run(String hold, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath()));
        if (hold != null) {
            command.add("-D" + CrashPoint.PROPERTY + "=" + hold);
        }
        command.add(CrashChild.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process child = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> pump(child, lines), "child-output");
        reader.setDaemon(true);
        reader.start();
        List<String> output = new ArrayList<>();
        String heldAt = null;
        while (true) {
            String line = lines.poll(HANG_MINUTES, TimeUnit.MINUTES);
            if (line == null || line.equals(EOF)) {
                break;
            }
            output.add(line);
            if (line.startsWith(CrashPoint.HELD + " ")) {
                heldAt = line.substring(CrashPoint.HELD.length() + 1);
                child.destroyForcibly();
                break;
            }
        }
        if (!child.waitFor(HANG_MINUTES, TimeUnit.MINUTES)) {
            child.destroyForcibly().waitFor();
        }
        return new ChildJvm(hold, output, heldAt, child.exitValue());
    }

    private static void pump(Process child, BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(output lost: " + e.getMessage() + ")");
        }
        lines.add(EOF);
    }

    /** The child held at {@code point} and was killed there by SIGKILL. */
    void assertKilledAt(String point) {
        assertThat(heldAt).as("the child should hold at %s; its output:%n%s", hold, tail()).startsWith(point + " ");
        assertThat(exit).as("killed by SIGKILL").isEqualTo(SIGKILLED);
    }

    /** The child ran to its end and exited 0. */
    void assertCompleted() {
        assertThat(heldAt).isNull();
        assertThat(exit).as("exit status; output:%n%s", tail()).isZero();
    }

    private String tail() {
        return String.join(System.lineSeparator(), output.subList(Math.max(0, output.size() - 40), output.size()));
    }

    /** The test classpath: Surefire's, or this JVM's own. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
