package io.trainscope.cli.bench;

import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.EpochBatches;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.Trainer;
import jakarta.inject.Inject;

/**
 * Data costs: loading and preparing the experiment's data (for MNIST, the IDX parse, split and
 * encoding), and how many shuffled batches per second the batcher gathers, to compare with the
 * batches per second training consumes.
 */
public final class DataBenchmark {

    /** Seconds to load and prepare, and gathered batches per second. */
    public record Result(Stats prepareSeconds, Stats batchesPerSecond, long examples) {
    }

    private final Trainer trainer;

    @Inject
    public DataBenchmark(Trainer trainer) {
        this.trainer = trainer;
    }

    /** Measures {@code rounds} times after one warm-up. */
    public Result run(ResolvedExperiment experiment, int rounds) {
        double[] prepare = new double[rounds];
        double[] gather = new double[rounds];
        PreparedData data = null;
        int batch = experiment.spec().training().batchSize();
        for (int r = -1; r < rounds; r++) {
            long t0 = System.nanoTime();
            data = trainer.prepare(experiment, RunOptions.inMemory(null));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            EpochBatches batches = new EpochBatches(data.train(), batch, 1, r + 1, true);
            int count = 0;
            while (batches.hasNext()) {
                batches.next();
                count++;
            }
            double rate = count / ((System.nanoTime() - t1) / 1e9);
            if (r >= 0) {
                prepare[r] = seconds;
                gather[r] = rate;
            }
        }
        return new Result(Stats.of(prepare), Stats.of(gather), data.trainingExamples());
    }
}
