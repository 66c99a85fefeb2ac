package io.trainscope.cli.bench;

import io.trainscope.cli.env.BlasThreads;
import io.trainscope.cli.env.ChildJvm;
import io.trainscope.core.Trainscope;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.EpochBatches;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.training.RunOptions;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a DL4J user gets by default (issue 17: "bare DL4J at its defaults stays a row of the
 * bench"): the config's network written with DL4J's builders ({@link UserNetwork}) trained by
 * DL4J's {@code fit} on the same batches, in a JVM of its own whose environment has none of the
 * native settings ({@code OMP_NUM_THREADS}, {@code OPENBLAS_CORETYPE}, the BLAS threads unset),
 * since they cannot be changed once ND4J has loaded. Throughput as the throughput benchmark
 * measures it: the median iteration time after a warm-up.
 */
public final class Dl4jDefaultsBenchmark {

    /** The child's figures, or why there are none. */
    public record Result(double samplesPerSecond, int blasThreads, String failure) {
    }

    private static final String PREFIX = "dl4j-defaults ";

    private Dl4jDefaultsBenchmark() {
    }

    /** Runs the child JVM on {@code config} for {@code warmup + iterations} iterations. */
    public static Result run(Path config, int warmup, int iterations) {
        Map<String, String> env = new HashMap<>();
        for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS", BlasThreads.VARIABLE,
                "TRAINSCOPE_NATIVE_SOURCE")) {
            env.put(v, null);
        }
        var out = ChildJvm.run(Dl4jDefaultsBenchmark.class, List.of(config.toString(), String.valueOf(warmup),
                String.valueOf(iterations)), env, 900);
        if (out.failure() != null) {
            return new Result(Double.NaN, 0, out.failure());
        }
        for (String line : out.stdout().split("\n")) {
            if (line.startsWith(PREFIX)) {
                String[] f = line.substring(PREFIX.length()).trim().split(" ");
                return new Result(Double.parseDouble(f[0]), Integer.parseInt(f[1]), null);
            }
        }
        String err = out.stderr().strip();
        return new Result(Double.NaN, 0, "exit " + out.exit() + (err.isEmpty() ? ", no result"
                : ": " + err.substring(Math.max(0, err.length() - 300))));
    }

    /** The child: {@code CONFIG WARMUP ITERATIONS}; prints {@value #PREFIX}samples/s and the BLAS threads. */
    public static void main(String[] args) {
        Trainscope trainscope = Trainscope.create();
        ResolvedExperiment experiment = trainscope.resolve(Path.of(args[0]));
        int warmup = Integer.parseInt(args[1]);
        int iterations = Integer.parseInt(args[2]);
        int batch = experiment.spec().training().batchSize();
        PreparedData data = ThroughputBenchmark.tiled(trainscope.trainer().prepare(experiment, RunOptions.inMemory(null)),
                (warmup + iterations) * batch);
        MultiLayerNetwork net = UserNetwork.build(experiment, data);
        List<DataSet> batches = new ArrayList<>();
        new EpochBatches(data.train(), batch, experiment.spec().training().seed(), 0, true).forEachRemaining(batches::add);
        IterationClock clock = new IterationClock();
        for (DataSet b : batches) {
            net.fit(b);
            clock.tick();
        }
        System.out.printf(Locale.ROOT, "%s%.3f %d%n", PREFIX, clock.samplesPerSecond(warmup, batch),
                Nd4j.factory().blas().getMaxThreads());
        System.exit(0);
    }
}
