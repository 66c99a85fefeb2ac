package io.trainscope.cli.env;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether trainscope's dense layers split their large products over two threads
 * ({@code TwoCoreProducts}) on this machine: only with at least two cores and one BLAS thread (more
 * BLAS threads already use the cores), only at a column granule that keeps every bit on this
 * machine's BLAS, and only when the training step with split products, interleaved with the one
 * without in one child JVM ({@link TwoCoreProbe}), is faster by more than {@link ThreadChoice#NOISE}
 * and ends with the same bits.
 */
final class TwoCoreCalibration {

    private static final Pattern RESULT = Pattern.compile(
            "granule=(\\d+) off=([0-9.eE+-]+|NaN) on=([0-9.eE+-]+|NaN) identical=(true|false)");

    /** What the probe measured, or why it gave nothing ({@code failure} not null). */
    record Result(int granule, double off, double on, boolean identical, String failure) {
    }

    /** Runs the probe with the chosen thread setting (a child JVM, or a fake in tests). */
    @FunctionalInterface
    interface Prober {
        Result probe(ThreadSetting setting);
    }

    /** The decision: the granule to use (null: off) and why. */
    record Decision(String granule, String reason) {
    }

    private TwoCoreCalibration() {
    }

    static Decision choose(int cores, ThreadSetting threads, Prober prober) {
        if (cores < 2) {
            return new Decision(null, "one core");
        }
        if (threads == null || threads.blas() != 1) {
            return new Decision(null, threads == null ? "thread settings not measured"
                    : threads.blas() + " BLAS threads already share the products out");
        }
        Result r = prober.probe(threads);
        if (r.failure() != null) {
            return new Decision(null, "probe failed: " + r.failure());
        }
        if (r.granule() == 0) {
            return new Decision(null, "no column split keeps the bits of this machine's BLAS");
        }
        if (!r.identical()) {
            return new Decision(null, "split products trained to different bits");
        }
        String speeds = String.format(Locale.ROOT, "training step %.0f samples/s with split products, %.0f without "
                + "(same bits, column granule %d)", r.on(), r.off(), r.granule());
        if (!(r.on() > (1 + ThreadChoice.NOISE) * r.off())) {
            return new Decision(null, "not faster: " + speeds);
        }
        return new Decision(Integer.toString(r.granule()), speeds);
    }

    /** The probe in a child JVM with the chosen threads and core type. */
    static Prober childProber(String coreType) {
        return setting -> {
            Map<String, String> env = new HashMap<>();
            env.put("OMP_NUM_THREADS", Integer.toString(setting.omp()));
            env.put("OPENBLAS_NUM_THREADS", Integer.toString(setting.blas()));
            env.put("OPENBLAS_CORETYPE", coreType);
            env.put(NativeSettings.TWO_CORE_VARIABLE, null);
            ChildJvm.Output out = ChildJvm.run(TwoCoreProbe.class, ChildJvm.TRAINING_OPTIONS, List.of("16"), env, 300);
            if (out.failure() != null) {
                return new Result(0, Double.NaN, Double.NaN, false, out.failure());
            }
            Matcher m = RESULT.matcher(out.stdout());
            if (!m.find()) {
                return new Result(0, Double.NaN, Double.NaN, false, "exit " + out.exit() + ", no result");
            }
            return new Result(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), Boolean.parseBoolean(m.group(4)), null);
        };
    }
}
