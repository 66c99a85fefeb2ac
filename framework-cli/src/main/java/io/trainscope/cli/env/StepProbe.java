package io.trainscope.cli.env;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Locale;

/**
 * Measures a training step of the {@link ReferenceNetwork} (DL4J's dense layers) under the
 * thread settings of its process: {@code OMP_NUM_THREADS} from the environment, the BLAS threads
 * from its first argument (set with {@code Nd4j.factory().blas().setMaxThreads}). Run as a child
 * process by {@link ThreadCalibration}, it prints one line,
 * {@code samplesPerSecond=<median> loss=<score> parameterSum=<sum |w|>}; the last two, after a
 * fixed number of steps from a fixed start, let the parent check that the result matches one thread's.
 */
public final class StepProbe {

    private static final int WARMUP = 3;

    private StepProbe() {
    }

    public static void main(String[] args) {
        int blasThreads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Nd4j.factory().blas().setMaxThreads(blasThreads);
        StepResult r = run(reps);
        System.out.printf(Locale.ROOT, "samplesPerSecond=%.3f loss=%.9e parameterSum=%.9e%n", r.samplesPerSecond(),
                r.loss(), r.parameterSum());
    }

    /** Trains {@code reps} timed steps after a warm-up, from a fixed start on fixed data; returns the median speed. */
    static StepResult run(int reps) {
        DataSet data = ReferenceNetwork.batch();
        MultiLayerNetwork net = ReferenceNetwork.build(false);
        for (int i = 0; i < WARMUP; i++) {
            net.fit(data);
        }
        double[] seconds = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            net.fit(data);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(seconds);
        return new StepResult(ReferenceNetwork.BATCH / seconds[reps / 2], net.score(data), net.params().norm1Number().doubleValue(), null);
    }
}
