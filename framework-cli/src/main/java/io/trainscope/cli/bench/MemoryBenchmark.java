package io.trainscope.cli.bench;

import io.trainscope.core.config.PluginRef;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.config.ExperimentResolver;
import io.trainscope.core.config.TrainingSpec;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.run.Measurement;
import io.trainscope.core.run.MeasurementSink;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.Trainer;
import io.trainscope.core.training.TrainerMetrics;
import jakarta.inject.Inject;

import java.util.List;
import java.util.TreeMap;

/**
 * Memory over a long run (issue 17, "memory flat"): the config's network trained for many epochs
 * with every monitor on, each sampling every iteration it can (the dead-neuron pass after every
 * epoch; early stopping off), recording the process's resident set and ND4J's own count of its native memory at every
 * epoch end (the trainer's {@code process.resident.memory} and {@code process.native.memory}).
 * Growth is the least-squares slope over the second half of the epochs: the first half holds the
 * heap's and the JIT's warm-up, which levels off.
 */
public final class MemoryBenchmark {

    /**
     * Figures of one long run.
     *
     * @param epochs           epochs trained
     * @param iterationsPerEpoch iterations of one epoch
     * @param fitFrom          first epoch (from 0) of the fitted range
     * @param residentMiB      resident set size after each epoch, MiB (NaN where the OS does not say)
     * @param nativeMiB        ND4J's native memory after each epoch, MiB
     * @param residentGrowth   resident growth per epoch over the fitted range, MiB
     * @param nativeGrowth     native growth per epoch over the fitted range, MiB
     */
    public record Result(int epochs, long iterationsPerEpoch, int fitFrom, double[] residentMiB, double[] nativeMiB,
                         double residentGrowth, double nativeGrowth) {
    }

    private final Trainer trainer;
    private final ExperimentResolver resolver;
    private final ThroughputBenchmark throughput;

    @Inject
    public MemoryBenchmark(Trainer trainer, ExperimentResolver resolver, ThroughputBenchmark throughput) {
        this.trainer = trainer;
        this.resolver = resolver;
        this.throughput = throughput;
    }

    /** Trains {@code data} for {@code epochs} epochs with every monitor on every iteration. */
    public Result run(ResolvedExperiment experiment, PreparedData data, int epochs) {
        List<PluginRef> monitors = throughput.allMonitors(1);
        TrainingSpec t = experiment.spec().training();
        TrainingSpec noStop = new TrainingSpec(t.optimizer(), t.schedule(), epochs, t.batchSize(), t.seeds(), null,
                t.checkpoints(), t.spark(), t.regularization(), t.faults());
        ResolvedExperiment longRun = resolver.resolve(experiment.spec().withMonitors(monitors).withTraining(noStop));
        PerEpoch memory = new PerEpoch();
        trainer.trainOn(longRun, data, RunOptions.inMemory(memory));
        double[] resident = memory.series(memory.resident, epochs);
        double[] nat = memory.series(memory.nativeMemory, epochs);
        int from = epochs / 2;
        long perEpoch = (data.trainingExamples() + experiment.spec().training().batchSize() - 1)
                / experiment.spec().training().batchSize();
        return new Result(epochs, perEpoch, from, resident, nat, slope(resident, from), slope(nat, from));
    }

    /**
     * Least-squares slope of {@code y} against its index over {@code y[from..]}; NaN with fewer than
     * two finite values there.
     */
    static double slope(double[] y, int from) {
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = Math.max(0, from); i < y.length; i++) {
            if (Double.isFinite(y[i])) {
                n++;
                sx += i;
                sy += y[i];
                sxx += (double) i * i;
                sxy += i * y[i];
            }
        }
        double d = n * sxx - sx * sx;
        return n < 2 || d == 0 ? Double.NaN : (n * sxy - sx * sy) / d;
    }

    /** Collects the trainer's memory figures by epoch. */
    private static final class PerEpoch implements MeasurementSink {
        final TreeMap<Integer, Double> resident = new TreeMap<>();
        final TreeMap<Integer, Double> nativeMemory = new TreeMap<>();

        @Override
        public void accept(Measurement m) {
            if (!m.monitor().equals(TrainerMetrics.SOURCE)) {
                return;
            }
            if (m.metric().equals(TrainerMetrics.RESIDENT_MEMORY)) {
                resident.put(m.epoch(), m.value());
            } else if (m.metric().equals(TrainerMetrics.NATIVE_MEMORY)) {
                nativeMemory.put(m.epoch(), m.value());
            }
        }

        double[] series(TreeMap<Integer, Double> byEpoch, int epochs) {
            double[] s = new double[epochs];
            for (int e = 0; e < epochs; e++) {
                s[e] = byEpoch.getOrDefault(e, Double.NaN);
            }
            return s;
        }
    }
}
