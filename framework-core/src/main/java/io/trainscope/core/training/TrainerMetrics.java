package io.trainscope.core.training;

import io.trainscope.api.data.Task;
import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.Metric;
import io.trainscope.core.evaluation.Evaluator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The measurements the trainer itself records (monitor name {@code trainer}), declared as
 * monitors declare theirs: they open every run's metric catalogue, so a report draws the loss and
 * the validation metrics from their declarations like any monitor's.
 */
public final class TrainerMetrics {

    /** The name measurements of the trainer carry in the {@code monitor} field. */
    public static final String SOURCE = "trainer";
    /** The report section of the loss and validation charts. */
    public static final String SECTION = "Loss and accuracy";
    /** Prefix of the validation metrics. */
    public static final String VALIDATION = "validation.";
    /** Prefix of the test metrics. */
    public static final String TEST = "test.";

    private static final Drawing LOSS_CHART = Drawing.of(Chart.LINE).in(SECTION).titled("Loss").axis("loss")
            .guide("Epoch values sit at the iteration the epoch ended.");
    private static final Drawing VALIDATION_CHART = Drawing.of(Chart.LINE).in(SECTION).titled("Validation metrics")
            .axis("value").guide("Measured on the validation split after each epoch; test metrics of the final model "
                    + "are in the summary.");

    public static final Metric LOSS = Metric.network("train.loss", "loss", "mean loss of the batch, before the update")
            .drawn(LOSS_CHART.labelled("training loss (batch)"));
    public static final Metric EPOCH_LOSS = Metric.network("epoch.train.loss", "loss", "mean training loss over the epoch")
            .drawn(LOSS_CHART.labelled("training loss (epoch mean)"));
    public static final Metric LEARNING_RATE = Metric.network("learning.rate", "rate", "learning rate in effect")
            .drawn(Drawing.NONE);
    public static final Metric EPOCH_SECONDS = Metric.network("epoch.seconds", "s", "wall time of the epoch")
            .drawn(Drawing.NONE);
    public static final Metric THROUGHPUT = Metric.network("epoch.throughput", "examples/s",
            "training examples per second").drawn(Drawing.NONE);
    public static final Metric RESIDENT_MEMORY = Metric.network("process.resident.memory", "MiB",
            "resident set size of the process at the end of the epoch (Linux), Java heap and native memory together")
            .drawn(Drawing.NONE);
    public static final Metric NATIVE_MEMORY = Metric.network("process.native.memory", "MiB",
            "ND4J's native memory at the end of the epoch: array buffers outside workspaces not yet freed, and the "
                    + "training thread's workspaces").drawn(Drawing.NONE);
    public static final Metric HEAP_MEMORY = Metric.network("process.heap.memory", "MiB",
            "Java heap in use at the end of the epoch").drawn(Drawing.NONE);

    private static final Map<String, Metric> VALIDATION_METRICS = new HashMap<>();
    private static final Map<String, Metric> TEST_METRICS = new HashMap<>();

    private TrainerMetrics() {
    }

    /** {@code validation.<name>}: a validation metric at the end of an epoch. */
    public static synchronized Metric validation(String name) {
        return VALIDATION_METRICS.computeIfAbsent(name, n -> Metric.network(VALIDATION + n, unit(n),
                n + " on the validation split").drawn(n.equals(Evaluator.LOSS) ? LOSS_CHART.labelled("validation loss")
                : VALIDATION_CHART.labelled(n)));
    }

    /** {@code test.<name>}: a test metric of the final model (shown in the report's summary, not drawn). */
    public static synchronized Metric test(String name) {
        return TEST_METRICS.computeIfAbsent(name, n -> Metric.network(TEST + n, unit(n), n + " on the test split")
                .drawn(Drawing.NONE));
    }

    /** Every metric the trainer may record for a task, in the order a report shows them. */
    public static List<Metric> declared(Task task) {
        List<Metric> all = new ArrayList<>(List.of(LOSS, EPOCH_LOSS));
        List<String> evaluated = Evaluator.metricNames(task);
        evaluated.forEach(n -> all.add(validation(n)));
        all.addAll(List.of(LEARNING_RATE, EPOCH_SECONDS, THROUGHPUT, RESIDENT_MEMORY, NATIVE_MEMORY, HEAP_MEMORY));
        evaluated.forEach(n -> all.add(test(n)));
        return List.copyOf(all);
    }

    private static String unit(String name) {
        return name.equals(Evaluator.ACCURACY) ? "ratio" : name.equals(Evaluator.LOSS) ? "loss" : "value";
    }
}
