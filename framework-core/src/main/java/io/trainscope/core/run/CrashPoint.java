package io.trainscope.core.run;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: named points in the code where a crash test holds the process, so that the SIGKILL
 * it sends lands exactly there (while a checkpoint is half written, with half a line of
 * {@code metrics.jsonl} on disk, before the first checkpoint). With the system property
 * {@code trainscope.test.hold=POINT:N}, the N-th time (from 1) the point is reached the process
 * runs the point's preparation (a flush that puts half-written bytes on disk), prints
 * {@code trainscope-hold POINT N} on standard output and sleeps until it is killed. Without the
 * property a point costs one read of a static field.
 *
 * <p>The points: {@code iteration} (after each iteration's step), {@code checkpoint-write}
 * (inside a checkpoint's temporary file, after its parameters), {@code metrics-line} (inside a
 * line of {@code metrics.jsonl}).
 */
public final class CrashPoint {

    /** The system property that names the point to hold at, and on which of its visits: {@code POINT:N}. */
    public static final String PROPERTY = "trainscope.test.hold";
    /** What a held process prints, followed by the point and the visit. */
    public static final String HELD = "trainscope-hold";

    private static final String HOLD = System.getProperty(PROPERTY);
    private static final Map<String, AtomicInteger> VISITS = new ConcurrentHashMap<>();

    /** What a point does before it holds: makes what was half written durable. */
    @FunctionalInterface
    public interface Preparation {
        void run() throws IOException;
    }

    private CrashPoint() {
    }

    /** Reaches the point {@code name}: holds the process when the property names this visit. */
    public static void reach(String name, Preparation preparation) {
        if (HOLD != null) {
            hold(name, preparation);
        }
    }

    /** Reaches the point {@code name}, with nothing to prepare. */
    public static void reach(String name) {
        if (HOLD != null) {
            hold(name, () -> { });
        }
    }

    private static void hold(String name, Preparation preparation) {
        int visit = VISITS.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        if (!HOLD.equals(name + ":" + visit)) {
            return;
        }
        try {
            preparation.run();
        } catch (IOException e) {
            throw new IllegalStateException("crash point " + name + ": " + e.getMessage(), e);
        }
        System.out.println(HELD + " " + name + " " + visit);
        System.out.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // held until killed
            }
        }
    }
}
