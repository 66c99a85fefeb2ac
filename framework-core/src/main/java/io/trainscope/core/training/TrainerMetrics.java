package io.trainscope.core.training;

import io.trainscope.api.monitor.Metric;

import java.util.HashMap;
import java.util.Map;

/** The measurements the trainer itself records (monitor name {@code trainer}). */
public final class TrainerMetrics {

    /** The name measurements of the trainer carry in the {@code monitor} field. */
    public static final String SOURCE = "trainer";

    public static final Metric LOSS = new Metric("train.loss", "loss", "mean loss of the batch, before the update");
    public static final Metric EPOCH_LOSS = new Metric("epoch.train.loss", "loss", "mean training loss over the epoch");
    public static final Metric LEARNING_RATE = new Metric("learning.rate", "rate", "learning rate in effect");
    public static final Metric EPOCH_SECONDS = new Metric("epoch.seconds", "s", "wall time of the epoch");
    public static final Metric THROUGHPUT = new Metric("epoch.throughput", "examples/s", "training examples per second");
    public static final Metric RESIDENT_MEMORY = new Metric("process.resident.memory", "MiB",
            "resident set size of the process at the end of the epoch (Linux), Java heap and native memory together");
    public static final Metric NATIVE_MEMORY = new Metric("process.native.memory", "MiB",
            "ND4J's native memory at the end of the epoch: array buffers outside workspaces not yet freed, and the "
                    + "training thread's workspaces");
    public static final Metric HEAP_MEMORY = new Metric("process.heap.memory", "MiB",
            "Java heap in use at the end of the epoch");

    private static final Map<String, Metric> VALIDATION = new HashMap<>();
    private static final Map<String, Metric> TEST = new HashMap<>();

    private TrainerMetrics() {
    }

    /** {@code validation.<name>}: a validation metric at the end of an epoch. */
    public static synchronized Metric validation(String name) {
        return VALIDATION.computeIfAbsent(name, n -> new Metric("validation." + n, unit(n), n + " on the validation split"));
    }

    /** {@code test.<name>}: a test metric of the final model. */
    public static synchronized Metric test(String name) {
        return TEST.computeIfAbsent(name, n -> new Metric("test." + n, unit(n), n + " on the test split"));
    }

    private static String unit(String name) {
        return name.equals("accuracy") ? "ratio" : name.equals("loss") ? "loss" : "value";
    }
}
