package io.trainscope.cli.bench;

import io.trainscope.core.run.Measurement;
import io.trainscope.core.run.MeasurementSink;
import io.trainscope.core.training.TrainerMetrics;

import java.util.ArrayList;
import java.util.List;

/**
 * A measurement sink that notes the time at which each training iteration ended (the trainer
 * records {@code train.loss} right after every {@code fit}), so throughput can be computed over
 * the iterations after a warm-up, inside one run. Throughput comes from the median iteration
 * time, which a shared machine's bursts (another process taking a core for a few milliseconds)
 * move far less than the mean.
 */
final class IterationClock implements MeasurementSink {

    private final List<Long> ends = new ArrayList<>();

    @Override
    public void accept(Measurement m) {
        if (m.monitor().equals(TrainerMetrics.SOURCE) && m.metric().equals(TrainerMetrics.LOSS)) {
            ends.add(System.nanoTime());
        }
    }

    /** Marks the end of an iteration run outside the trainer (the bare DL4J loop). */
    void tick() {
        ends.add(System.nanoTime());
    }

    /** Examples per second, from the median duration of the iterations after the first {@code warmup}. */
    double samplesPerSecond(int warmup, int batchSize) {
        int last = ends.size() - 1;
        if (last <= warmup) {
            return Double.NaN;
        }
        double[] seconds = new double[last - warmup + 1];
        for (int i = warmup; i <= last; i++) {
            seconds[i - warmup] = (ends.get(i) - ends.get(i - 1)) / 1e9;
        }
        return batchSize / Stats.of(seconds).median();
    }
}
