package io.trainscope.core.training;

import io.trainscope.api.monitor.Metric;
import io.trainscope.core.evaluation.EvaluationResult;
import io.trainscope.core.run.Environment;
import io.trainscope.core.run.Measurement;
import io.trainscope.core.run.MeasurementSink;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.Map;

/**
 * The trainer's own measurements ({@link TrainerMetrics}): the loss of every iteration; at each
 * epoch's end its mean training loss, learning rate, wall time, throughput and process memory,
 * and the validation metrics; at the run's end the test metrics. Keeps the running sums of the
 * epoch in progress, which a checkpoint saves so the epoch's mean loss survives a resume.
 *
 * <p>Per iteration it records one measurement and adds to two sums; evaluation happens only at
 * epoch and run ends.
 */
public final class TrainerMeter {

    private final String runId;
    private final MeasurementSink sink;
    private final IUpdater updater;
    private final SplitEvaluation validation;
    private final SplitEvaluation test;

    private double lossSum;
    private long examples;
    private long timedExamples;
    private long epochStart;

    /**
     * @param validation evaluates the validation split, or null without one
     * @param test       evaluates the test split, or null without one
     */
    public TrainerMeter(String runId, MeasurementSink sink, IUpdater updater, SplitEvaluation validation,
                        SplitEvaluation test) {
        this.runId = runId;
        this.sink = sink;
        this.updater = updater;
        this.validation = validation;
        this.test = test;
    }

    /** An epoch starts, with the sums of the batches it already trained before a resume (0 otherwise). */
    public void startEpoch(double lossSumBefore, long examplesBefore) {
        lossSum = lossSumBefore;
        examples = examplesBefore;
        timedExamples = 0;
        epochStart = System.nanoTime();
    }

    /** One iteration's loss (the mean over its {@code batchSize} examples, before the update). */
    public void iteration(long iteration, int epoch, double loss, int batchSize) {
        sink.accept(measurement(iteration, epoch, TrainerMetrics.LOSS, loss));
        lossSum += loss * batchSize;
        examples += batchSize;
        timedExamples += batchSize;
    }

    /** The loss of an iteration whose step was undone: recorded, but not part of the epoch's mean. */
    public void skipped(long iteration, int epoch, double loss) {
        sink.accept(measurement(iteration, epoch, TrainerMetrics.LOSS, loss));
    }

    /** Sum of batch loss x batch size over the epoch so far. */
    public double lossSum() {
        return lossSum;
    }

    /** Examples trained on in the epoch so far. */
    public long examples() {
        return examples;
    }

    /** The epoch's batches are done: records its figures and validates. */
    public EpochFigures endEpoch(MultiLayerNetwork net, int epoch) {
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        long iteration = net.getIterationCount();
        double loss = lossSum / Math.max(1, examples);
        sink.accept(measurement(iteration, epoch, TrainerMetrics.EPOCH_LOSS, loss));
        sink.accept(measurement(iteration, epoch, TrainerMetrics.LEARNING_RATE, updater.getLearningRate((int) iteration, epoch)));
        sink.accept(measurement(iteration, epoch, TrainerMetrics.EPOCH_SECONDS, seconds));
        sink.accept(measurement(iteration, epoch, TrainerMetrics.THROUGHPUT, timedExamples / Math.max(1e-9, seconds)));
        double rss = Environment.residentMemoryMiB();
        if (!Double.isNaN(rss)) {
            sink.accept(measurement(iteration, epoch, TrainerMetrics.RESIDENT_MEMORY, rss));
        }
        sink.accept(measurement(iteration, epoch, TrainerMetrics.NATIVE_MEMORY, Environment.nativeMemoryMiB()));
        Runtime rt = Runtime.getRuntime();
        sink.accept(measurement(iteration, epoch, TrainerMetrics.HEAP_MEMORY, (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0)));
        Map<String, Double> metrics = validation == null ? Map.of()
                : validation.evaluate(net).metrics();
        metrics.forEach((name, value) -> sink.accept(measurement(iteration, epoch, TrainerMetrics.validation(name), value)));
        return new EpochFigures(loss, metrics, seconds);
    }

    /** Evaluates the final model on the test split and records the metrics; null without a test split. */
    public EvaluationResult test(MultiLayerNetwork net, int epoch) {
        if (test == null) {
            return null;
        }
        EvaluationResult result = test.evaluate(net);
        long iteration = net.getIterationCount();
        result.metrics().forEach((name, value) -> sink.accept(measurement(iteration, epoch, TrainerMetrics.test(name), value)));
        return result;
    }

    private Measurement measurement(long iteration, int epoch, Metric metric, double value) {
        return new Measurement(runId, iteration, epoch, TrainerMetrics.SOURCE, null, null, metric, value, null);
    }
}
