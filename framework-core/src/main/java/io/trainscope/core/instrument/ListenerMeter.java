package io.trainscope.core.instrument;

import io.trainscope.api.monitor.Metric;
import io.trainscope.core.run.Environment;
import io.trainscope.core.run.Measurement;
import io.trainscope.core.run.MeasurementSink;
import io.trainscope.core.training.TrainerMetrics;

import java.util.List;

/**
 * The trainer's measurements of an instrumented run, as far as a listener can take them: the loss
 * of every iteration ({@code train.loss}) and, at each epoch's end, its mean training loss,
 * learning rate, wall time, throughput and process memory. Validation is the application's: an
 * instrumented run has no validation or test metrics.
 */
final class ListenerMeter {

    /** What an instrumented run's trainer metrics are, in report order. */
    static final List<Metric> DECLARED = List.of(TrainerMetrics.LOSS, TrainerMetrics.EPOCH_LOSS,
            TrainerMetrics.LEARNING_RATE, TrainerMetrics.EPOCH_SECONDS, TrainerMetrics.THROUGHPUT,
            TrainerMetrics.RESIDENT_MEMORY, TrainerMetrics.NATIVE_MEMORY, TrainerMetrics.HEAP_MEMORY);

    private final String runId;
    private final MeasurementSink sink;
    private double lossSum;
    private long examples;
    private long epochStart;

    ListenerMeter(String runId, MeasurementSink sink) {
        this.runId = runId;
        this.sink = sink;
    }

    void startEpoch() {
        lossSum = 0;
        examples = 0;
        epochStart = System.nanoTime();
    }

    /** One iteration's loss, the mean over its {@code batchSize} examples before the update. */
    void iteration(long iteration, int epoch, double loss, int batchSize) {
        sink.accept(measurement(iteration, epoch, TrainerMetrics.LOSS, loss));
        lossSum += loss * batchSize;
        examples += batchSize;
    }

    /** The epoch ended at {@code iteration}: records its figures and returns its mean training loss. */
    double endEpoch(long iteration, int epoch, double learningRate) {
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        double loss = examples == 0 ? Double.NaN : lossSum / examples;
        sink.accept(measurement(iteration, epoch, TrainerMetrics.EPOCH_LOSS, loss));
        if (!Double.isNaN(learningRate)) {
            sink.accept(measurement(iteration, epoch, TrainerMetrics.LEARNING_RATE, learningRate));
        }
        sink.accept(measurement(iteration, epoch, TrainerMetrics.EPOCH_SECONDS, seconds));
        sink.accept(measurement(iteration, epoch, TrainerMetrics.THROUGHPUT, examples / Math.max(1e-9, seconds)));
        double rss = Environment.residentMemoryMiB();
        if (!Double.isNaN(rss)) {
            sink.accept(measurement(iteration, epoch, TrainerMetrics.RESIDENT_MEMORY, rss));
        }
        sink.accept(measurement(iteration, epoch, TrainerMetrics.NATIVE_MEMORY, Environment.nativeMemoryMiB()));
        Runtime rt = Runtime.getRuntime();
        sink.accept(measurement(iteration, epoch, TrainerMetrics.HEAP_MEMORY,
                (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0)));
        return loss;
    }

    private Measurement measurement(long iteration, int epoch, Metric metric, double value) {
        return new Measurement(runId, iteration, epoch, TrainerMetrics.SOURCE, null, null, metric, value, null);
    }
}
