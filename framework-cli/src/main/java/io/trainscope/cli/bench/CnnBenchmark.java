package io.trainscope.cli.bench;

import io.trainscope.api.data.ImageShape;
import io.trainscope.core.config.ConfigException;
import io.trainscope.core.config.ExperimentResolver;
import io.trainscope.core.config.ExperimentSpec;
import io.trainscope.core.config.LayerSettings;
import io.trainscope.core.config.LayerSpec;
import io.trainscope.core.config.LayerType;
import io.trainscope.core.config.LayerWindow;
import io.trainscope.core.config.ModelSpec;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.Trainer;
import jakarta.inject.Inject;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * The bench's CNN row: a small LeNet-like network ({@link #MODEL}) on the benchmarked config's
 * data, bare DL4J {@code fit} against trainscope's trainer without monitors and with the default
 * monitors, in the same paired rounds as {@link ThroughputBenchmark}, so that a regression of the
 * convolution path (the activation adapter, the per-channel statistics) shows. Data that are not
 * images but whose feature count is a square (the synthetic bench's 784) are read as one-channel
 * square images.
 */
public final class CnnBenchmark {

    /** The network, as the row's title says it. */
    public static final String MODEL = "conv2d 8 5x5 padding 2, max-pool 2, conv2d 16 5x5 padding 2, max-pool 2, dense 64";

    /** The row's result, or why it was skipped. */
    public record Result(List<ThroughputBenchmark.VariantResult> variants, String skipped) {
    }

    private final ThroughputBenchmark throughput;
    private final Trainer trainer;
    private final ExperimentResolver resolver;

    @Inject
    public CnnBenchmark(ThroughputBenchmark throughput, Trainer trainer, ExperimentResolver resolver) {
        this.throughput = throughput;
        this.trainer = trainer;
        this.resolver = resolver;
    }

    /** Runs the row on the data of {@code experiment}; progress lines go to {@code log}. */
    public Result run(ResolvedExperiment experiment, ThroughputBenchmark.Options options, PrintWriter log) {
        PreparedData prepared = trainer.prepare(experiment, RunOptions.inMemory(null));
        ImageShape image = prepared.image() != null ? prepared.image() : square(prepared.inputs());
        if (image == null) {
            return new Result(List.of(), "the data are not images and " + prepared.inputs() + " features are no square");
        }
        PreparedData data = new PreparedData(prepared.task(), prepared.train(), prepared.validation(), prepared.test(),
                prepared.inputs(), prepared.transforms(), prepared.fitted(), prepared.head(), image);
        ExperimentSpec spec = experiment.spec();
        ResolvedExperiment cnn = resolver.resolve(new ExperimentSpec(spec.name() + "-cnn", spec.data(), new ModelSpec(
                layers(), spec.model().defaults(), List.of(), spec.model().output()), spec.training(), spec.monitors()));
        Set<String> names = Set.of(ThroughputBenchmark.BASELINE, ThroughputBenchmark.NO_MONITORS,
                ThroughputBenchmark.DEFAULT_MONITORS);
        List<BenchVariant> variants = throughput.variants().stream().filter(v -> names.contains(v.name())).toList();
        try {
            return new Result(throughput.run(cnn, data, variants, options, log), null);
        } catch (ConfigException e) {
            return new Result(List.of(), e.getMessage());
        }
    }

    private static List<LayerSpec> layers() {
        return List.of(conv(8), pool(), conv(16), pool(), LayerSpec.dense(64));
    }

    private static LayerSpec conv(int filters) {
        return new LayerSpec(LayerType.CONV2D, filters, LayerSettings.INHERIT,
                new LayerWindow(LayerWindow.Pair.of(5), LayerWindow.Pair.of(1), LayerWindow.Pair.of(2)));
    }

    private static LayerSpec pool() {
        return new LayerSpec(LayerType.MAX_POOL, 0, LayerSettings.INHERIT,
                new LayerWindow(LayerWindow.Pair.of(2), LayerWindow.Pair.of(2), LayerWindow.Pair.of(0)));
    }

    private static ImageShape square(long features) {
        long side = Math.round(Math.sqrt(features));
        return side * side == features ? new ImageShape(1, (int) side, (int) side) : null;
    }
}
