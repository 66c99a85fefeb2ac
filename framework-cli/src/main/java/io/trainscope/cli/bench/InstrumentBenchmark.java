package io.trainscope.cli.bench;

import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.config.PluginRef;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.EpochBatches;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.instrument.InstrumentOptions;
import io.trainscope.core.instrument.Instrumenter;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.Trainer;
import jakarta.inject.Inject;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What instrumenting an application's own network costs: the benchmark config's network written
 * with DL4J's builders ({@link UserNetwork}), trained with DL4J's own {@code fit} on pre-built
 * batches, bare, with trainscope's listener and no monitor, and with the default monitors; other
 * listeners can join ({@code bench-statslistener} adds DL4J's {@code StatsListener}, which lives
 * in a module too heavy for the main build). Every variant trains a fresh network for
 * {@code warmup + iterations} iterations, timed per {@code fit} over the last {@code iterations} by
 * their median; variants rotate from round to round, and ratios are taken against the bare
 * {@code fit} of the same round.
 */
public final class InstrumentBenchmark {

    /**
     * One way to train the user network.
     *
     * @param name   how the table names it
     * @param attach installs what watches the network before training; the returned handle is
     *               closed after training (a no-op for bare DL4J)
     */
    public record Variant(String name, Function<MultiLayerNetwork, AutoCloseable> attach) {
    }

    /** The user network trained by DL4J's fit alone. */
    public static final String BARE = "user network, dl4j fit";
    /** Instrumented without monitors: the listener's own cost. */
    public static final String NO_MONITORS = "user network, instrumented, no monitors";
    /** Instrumented with the default monitors of a config. */
    public static final String DEFAULT_MONITORS = "user network, instrumented, default monitors";

    private final Trainer trainer;
    private final Instrumenter instrumenter;

    @Inject
    public InstrumentBenchmark(Trainer trainer, Instrumenter instrumenter) {
        this.trainer = trainer;
        this.instrumenter = instrumenter;
    }

    /** The bare fit and the two instrumented variants, in table order. */
    public List<Variant> variants() {
        List<PluginRef> defaults = ConfigLoader.defaultMonitors();
        return List.of(new Variant(BARE, net -> () -> { }),
                new Variant(NO_MONITORS, net -> instrumenter.instrument(net, InstrumentOptions.inMemory(null)
                        .monitors(List.of()))),
                new Variant(DEFAULT_MONITORS, net -> instrumenter.instrument(net, InstrumentOptions.inMemory(null)
                        .monitors(defaults))));
    }

    /**
     * Runs {@link #variants()} and {@code extra} on the experiment's network and data; progress lines
     * go to {@code log}. Results come in table order, each with its ratio to {@link #BARE} and to
     * {@link #NO_MONITORS} within each round.
     */
    public List<ThroughputBenchmark.VariantResult> run(ResolvedExperiment experiment, ThroughputBenchmark.Options options,
                                                       List<Variant> extra, PrintWriter log) {
        int batch = experiment.spec().training().batchSize();
        PreparedData data = ThroughputBenchmark.tiled(trainer.prepare(experiment, RunOptions.inMemory(null)),
                (options.warmup() + options.iterations()) * batch);
        List<DataSet> batches = new ArrayList<>();
        new EpochBatches(data.train(), batch, experiment.spec().training().seed(), 0, true).forEachRemaining(batches::add);
        List<Variant> variants = new ArrayList<>(variants());
        variants.addAll(extra);
        Map<String, List<double[]>> rounds = new LinkedHashMap<>();
        variants.forEach(v -> rounds.put(v.name(), new ArrayList<>()));
        variants.forEach(v -> measure(v, experiment, data, batches, options));    // warm-up round, not recorded
        for (int round = 0; round < options.rounds(); round++) {
            Map<String, Double> speeds = new LinkedHashMap<>();
            for (int k = 0; k < variants.size(); k++) {
                Variant v = variants.get((k + round) % variants.size());
                speeds.put(v.name(), measure(v, experiment, data, batches, options));
            }
            speeds.forEach((name, s) -> rounds.get(name).add(new double[]{s, s / speeds.get(BARE),
                    s / speeds.get(NO_MONITORS)}));
            log.printf(Locale.ROOT, "user network round %d/%d: %s%n", round + 1, options.rounds(), speeds);
            log.flush();
        }
        List<ThroughputBenchmark.VariantResult> results = new ArrayList<>();
        rounds.forEach((name, r) -> results.add(new ThroughputBenchmark.VariantResult(name, column(r, 0), column(r, 1),
                column(r, 2), Map.of())));
        return results;
    }

    /** One variant on a fresh network: samples per second over the timed iterations. */
    private static double measure(Variant v, ResolvedExperiment experiment, PreparedData data, List<DataSet> batches,
                                  ThroughputBenchmark.Options options) {
        MultiLayerNetwork net = UserNetwork.build(experiment, data);
        IterationClock clock = new IterationClock();
        try (AutoCloseable watched = v.attach().apply(net)) {
            for (DataSet b : batches) {
                net.fit(b);
                clock.tick();
            }
        } catch (Exception e) {
            throw new IllegalStateException("variant '" + v.name() + "' failed: " + e.getMessage(), e);
        }
        return clock.samplesPerSecond(options.warmup(), experiment.spec().training().batchSize());
    }

    private static Stats column(List<double[]> rounds, int i) {
        return Stats.of(rounds.stream().mapToDouble(r -> r[i]).toArray());
    }
}
