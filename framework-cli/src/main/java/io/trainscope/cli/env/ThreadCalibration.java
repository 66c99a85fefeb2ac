package io.trainscope.cli.env;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Probes the thread settings of {@link ThreadChoice} for real: each one a {@link StepProbe} in a
 * child JVM with {@code OMP_NUM_THREADS} in its environment and the BLAS threads as its argument,
 * with the OpenBLAS core type already chosen.
 */
final class ThreadCalibration {

    private static final Pattern RESULT = Pattern.compile(
            "samplesPerSecond=([0-9.eE+-]+|NaN) loss=([0-9.eE+-]+|NaN) parameterSum=([0-9.eE+-]+|NaN)");

    private ThreadCalibration() {
    }

    /** A prober that runs the training-step probe in child JVMs with OpenBLAS core type {@code coreType} (null: its own). */
    static ThreadChoice.StepProber childProber(String coreType) {
        return setting -> probe(setting, coreType);
    }

    private static StepResult probe(ThreadSetting setting, String coreType) {
        Map<String, String> env = new HashMap<>();
        env.put("OMP_NUM_THREADS", Integer.toString(setting.omp()));
        env.put("OPENBLAS_NUM_THREADS", Integer.toString(setting.blas()));
        env.put("OPENBLAS_CORETYPE", coreType);
        ChildJvm.Output out = ChildJvm.run(StepProbe.class, ChildJvm.TRAINING_OPTIONS, List.of(Integer.toString(setting.blas()), "12"), env, 300);
        if (out.failure() != null) {
            return StepResult.failed(out.failure());
        }
        Matcher m = RESULT.matcher(out.stdout());
        if (!m.find()) {
            return StepResult.failed("exit " + out.exit() + ", no result: "
                    + String.join(" | ", out.stderr().lines().filter(l -> !l.isBlank()).limit(3).toList()));
        }
        return new StepResult(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)), null);
    }
}
