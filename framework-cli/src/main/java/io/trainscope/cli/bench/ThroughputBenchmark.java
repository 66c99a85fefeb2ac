package io.trainscope.cli.bench;

import io.trainscope.api.monitor.SamplingParameters;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.config.ExperimentResolver;
import io.trainscope.core.config.PluginRef;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.EpochBatches;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.model.NetworkBuilder;
import io.trainscope.core.model.NetworkBuilder.DenseImplementation;
import io.trainscope.core.plugin.DiscoveredPlugin;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.plugin.PluginRegistry;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.Trainer;
import io.trainscope.core.training.TrainingResult;
import jakarta.inject.Inject;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Training throughput in one JVM, in paired, interleaved rounds: bare DL4J {@code fit} on pre-built
 * batches of the same network and data, then trainscope's trainer with no monitors, with the
 * default monitors, and with every monitor sampled every 10 and every 1 iterations. Every variant
 * trains a fresh network for {@code warmup + iterations} iterations and is timed over the last
 * {@code iterations} only, by their median iteration time; the order of variants rotates from round
 * to round. Ratios are taken
 * against bare DL4J within the same round, which cancels most of a shared machine's drift.
 */
public final class ThroughputBenchmark {

    /** Settings of one benchmark. */
    public record Options(int rounds, int warmup, int iterations) {
    }

    /**
     * The result of one variant over all rounds: samples/s, and per-round ratios to bare DL4J with
     * trainscope's layers ({@link #BASELINE}) and to the trainer without monitors.
     */
    public record VariantResult(String name, Stats samplesPerSecond, Stats ratioToBare, Stats ratioToNoMonitors,
                                Map<String, Double> monitorMsPerIteration) {
    }

    /** The median samples/s of the row named {@code name} in {@code rows}; NaN without one. */
    public static double samplesPerSecond(List<VariantResult> rows, String name) {
        return rows.stream().filter(v -> v.name().equals(name)).mapToDouble(v -> v.samplesPerSecond().median())
                .findFirst().orElse(Double.NaN);
    }

    /** Bare DL4J fit with DL4J's own dense layers. */
    public static final String STOCK = "dl4j fit, dl4j layers";
    /** Bare DL4J fit with trainscope's dense layers: the baseline of the trainer's overhead. */
    public static final String BASELINE = "dl4j fit, trainscope layers";
    /** trainscope's trainer without monitors. */
    public static final String NO_MONITORS = "trainscope, no monitors";
    /** trainscope's trainer with the default monitors. */
    public static final String DEFAULT_MONITORS = "default monitors";
    /** trainscope's trainer with every monitor, sampling every 10 iterations. */
    public static final String EVERY_10 = "all monitors, every 10";
    /** trainscope's trainer with every monitor, sampling every iteration. */
    public static final String EVERY_1 = "all monitors, every 1";

    private final Trainer trainer;
    private final NetworkBuilder builder;
    private final ExperimentResolver resolver;
    private final PluginRegistry registry;

    @Inject
    public ThroughputBenchmark(Trainer trainer, NetworkBuilder builder, ExperimentResolver resolver, PluginRegistry registry) {
        this.trainer = trainer;
        this.builder = builder;
        this.resolver = resolver;
        this.registry = registry;
    }

    /** The variants, in table order. */
    public List<BenchVariant> variants() {
        List<BenchVariant> v = new ArrayList<>();
        v.add(new BenchVariant(STOCK, null, DenseImplementation.DL4J));
        v.add(new BenchVariant(BASELINE, null, DenseImplementation.REUSING));
        v.add(new BenchVariant(NO_MONITORS, List.of(), DenseImplementation.REUSING));
        v.add(new BenchVariant(DEFAULT_MONITORS, ConfigLoader.defaultMonitors().stream()
                .filter(m -> registry.names(PluginFamily.MONITOR).contains(m.name())).toList(),
                DenseImplementation.REUSING));
        v.add(new BenchVariant(EVERY_10, allMonitors(10), DenseImplementation.REUSING));
        v.add(new BenchVariant(EVERY_1, allMonitors(1), DenseImplementation.REUSING));
        return v;
    }

    /**
     * Every standard and user monitor (test monitors excluded); those that take the shared
     * {@link SamplingParameters#EVERY} sample every {@code every} iterations.
     */
    List<PluginRef> allMonitors(int every) {
        List<PluginRef> refs = new ArrayList<>();
        for (DiscoveredPlugin<?> p : registry.all()) {
            if (p.family() != PluginFamily.MONITOR || p.name().startsWith("test-")) {
                continue;
            }
            boolean samplesIterations = p.prototype().parameters().stream()
                    .anyMatch(s -> s.name().equals(SamplingParameters.EVERY));
            refs.add(samplesIterations ? PluginRef.of(p.name(), Map.of(SamplingParameters.EVERY, every))
                    : PluginRef.of(p.name()));
        }
        return refs;
    }

    /** Runs the benchmark; progress lines go to {@code log}. */
    public List<VariantResult> run(ResolvedExperiment experiment, Options options, PrintWriter log) {
        return run(experiment, trainer.prepare(experiment, RunOptions.inMemory(null)), variants(), options, log);
    }

    /**
     * Runs the benchmark of {@code variants} (which must include {@link #BASELINE} and
     * {@link #NO_MONITORS}, the ratios' references) on prepared data; progress lines go to {@code log}.
     */
    public List<VariantResult> run(ResolvedExperiment experiment, PreparedData prepared, List<BenchVariant> variants,
                                   Options options, PrintWriter log) {
        int batch = experiment.spec().training().batchSize();
        PreparedData data = tiled(prepared, (options.warmup() + options.iterations()) * batch);
        Map<String, ResolvedExperiment> resolved = resolved(experiment, variants);
        // warm-up round: JIT, native libraries, workspaces; not recorded
        for (BenchVariant v : variants) {
            measure(v, resolved.get(v.name()), experiment, data, options, batch);
        }
        ThroughputTally tally = new ThroughputTally(variants.stream().map(BenchVariant::name).toList());
        for (int round = 0; round < options.rounds(); round++) {
            for (int k = 0; k < variants.size(); k++) {
                BenchVariant v = variants.get((k + round) % variants.size());
                Measured m = measure(v, resolved.get(v.name()), experiment, data, options, batch);
                tally.add(v.name(), m.samplesPerSecond, m.monitorMs);
            }
            log.printf(Locale.ROOT, "round %d/%d: %s%n", round + 1, options.rounds(), tally.endRound());
            log.flush();
        }
        return tally.results();
    }

    /** The experiment of each variant run by the trainer (one epoch, the variant's monitors), by name. */
    private Map<String, ResolvedExperiment> resolved(ResolvedExperiment experiment, List<BenchVariant> variants) {
        Map<String, ResolvedExperiment> resolved = new LinkedHashMap<>();
        for (BenchVariant v : variants) {
            if (!v.bare()) {
                var spec = experiment.spec().withMonitors(v.monitors());
                resolved.put(v.name(), resolver.resolve(spec.withTraining(spec.training().withEpochs(1))));
            }
        }
        return resolved;
    }

    private record Measured(double samplesPerSecond, Map<String, Double> monitorMs) {
    }

    private Measured measure(BenchVariant v, ResolvedExperiment variantExperiment, ResolvedExperiment experiment,
                             PreparedData data, Options options, int batch) {
        IterationClock clock = new IterationClock();
        if (v.bare()) {
            BuiltNetwork built = builder.build(experiment, data.inputs(), data.image(), data.head(),
                    experiment.spec().training().seed(), experiment.optimizer().create(experiment.optimizerParams(), null),
                    v.dense(), DataType.FLOAT);
            MultiLayerNetwork net = built.network();
            List<DataSet> batches = new ArrayList<>();
            new EpochBatches(data.train(), batch, experiment.spec().training().seed(), 0, true).forEachRemaining(batches::add);
            for (DataSet b : batches) {
                net.fit(b);
                clock.tick();
            }
            return new Measured(clock.samplesPerSecond(options.warmup(), batch), Map.of());
        }
        TrainingResult r = trainer.trainOn(variantExperiment, data, RunOptions.inMemory(clock));
        Map<String, Double> ms = new LinkedHashMap<>();
        r.monitorNanos().forEach((name, nanos) -> ms.put(name, nanos / 1e6 / Math.max(1, r.iterations())));
        return new Measured(clock.samplesPerSecond(options.warmup(), batch), ms);
    }

    /** The data with its training split repeated (or cut) to exactly {@code examples} examples. */
    static PreparedData tiled(PreparedData data, int examples) {
        DataSet train = data.train();
        int n = train.numExamples();
        if (n >= examples) {
            return data.withTrainingExamples(examples);
        }
        int copies = (examples + n - 1) / n;
        var features = new INDArray[copies];
        var labels = new INDArray[copies];
        Arrays.fill(features, train.getFeatures());
        Arrays.fill(labels, train.getLabels());
        DataSet all = new DataSet(Nd4j.vstack(features), Nd4j.vstack(labels));
        return new PreparedData(data.task(), all, data.validation(), data.test(), data.inputs(), data.transforms(),
                data.fitted(), data.head(), data.image()).withTrainingExamples(examples);
    }

}
