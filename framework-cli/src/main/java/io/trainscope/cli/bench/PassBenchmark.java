package io.trainscope.cli.bench;

import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.RunInfo;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.model.NetworkBuilder;
import io.trainscope.core.monitor.DatasetPass;
import io.trainscope.core.monitor.HookDispatcher;
import io.trainscope.core.monitor.LayerViews;
import io.trainscope.core.monitor.MonitorSlot;
import io.trainscope.core.monitor.Nd4jStatistics;
import io.trainscope.core.monitor.RunServices;
import io.trainscope.core.monitor.StopSignal;
import io.trainscope.core.perf.BufferCreations;
import io.trainscope.core.plugin.DiscoveredPlugin;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.plugin.PluginRegistry;
import io.trainscope.core.run.FindingLog;
import io.trainscope.core.run.InMemoryMeasurements;
import jakarta.inject.Inject;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.ArrayList;
import java.util.List;

/**
 * The full pass over the training set that monitors ask for ({@link Sampling#wantsDatasetPass()}:
 * one shared inference pass, plus each such monitor's reductions) against bare {@code output()}
 * over the same data and batch size, in interleaved rounds. The monitors are the discovered ones
 * whose sampling at their default parameters asks for a pass; their default schedules give the
 * passes per epoch that the default-monitors budget amortizes ({@link #passesPerEpoch()}).
 */
public final class PassBenchmark {

    /**
     * Examples per second of both, and their ratio per round.
     *
     * @param monitors       the monitors whose pass was timed; empty when no monitor asks for one (then
     *                       the pass figures are those of a pass with no monitor)
     * @param passesPerEpoch full passes per epoch in the long run at those monitors' default schedules
     *                       (the training-start pass, one per run, not counted)
     */
    public record Result(Stats bareOutput, Stats datasetPass, Stats ratio, List<String> monitors, double passBuffers,
                         double passBytes, double outputBuffers, double outputBytes, double passesPerEpoch) {
    }

    private final NetworkBuilder builder;
    private final PluginRegistry registry;

    @Inject
    public PassBenchmark(NetworkBuilder builder, PluginRegistry registry) {
        this.builder = builder;
        this.registry = registry;
    }

    /** The discovered monitors (test monitors excluded) that ask for a full pass at their defaults, by name. */
    public List<String> passMonitors() {
        List<String> names = new ArrayList<>();
        for (DiscoveredPlugin<?> p : registry.all()) {
            if (p.family() == PluginFamily.MONITOR && !p.name().startsWith("test-")
                    && p.prototype() instanceof Monitor m && m.sampling(Parameters.defaults(m)).wantsDatasetPass()) {
                names.add(p.name());
            }
        }
        return names;
    }

    /**
     * Full passes per epoch at the default schedules of the monitors that ask for one (one pass
     * serves every monitor that wants one after an epoch), the training-start pass not counted.
     */
    public double passesPerEpoch() {
        List<Integer> everyEpochs = new ArrayList<>();
        for (String name : passMonitors()) {
            Monitor m = registry.get(PluginFamily.MONITOR, name);
            everyEpochs.add(m.sampling(Parameters.defaults(m)).datasetPassEveryEpochs());
        }
        return BenchBudgets.passesPerEpoch(everyEpochs);
    }

    /** Runs {@code rounds} rounds (after one warm-up round) over {@code data}'s training split. */
    public Result run(ResolvedExperiment experiment, PreparedData data, int rounds) {
        List<String> monitors = passMonitors();
        BuiltNetwork built = builder.build(experiment, data.inputs(), data.image(), data.head(), experiment.spec().training().seed(),
                new Sgd(0.0));
        MultiLayerNetwork net = built.network();
        int batch = Math.max(500, experiment.spec().training().batchSize());
        long n = data.train().numExamples();
        double[] bare = new double[rounds];
        double[] pass = new double[rounds];
        double[] ratio = new double[rounds];
        double[] buffers = new double[4];
        for (int r = -1; r <= rounds; r++) {
            BufferCreations count = r == rounds ? BufferCreations.open() : null;   // a last, counted, untimed round
            long t0 = System.nanoTime();
            for (long from = 0; from < n; from += batch) {
                INDArray x = data.train().getFeatures().get(NDArrayIndex.interval(from, Math.min(n, from + batch)),
                        NDArrayIndex.all());
                net.output(x, false).close();
            }
            double bareRate = n / ((System.nanoTime() - t0) / 1e9);
            if (count != null) {
                buffers[2] = count.outsideWorkspaces();
                buffers[3] = count.outsideWorkspacesBytes();
                count.reset();
            }
            double passRate = n / passSeconds(built, data, batch, monitors);
            if (count != null) {
                buffers[0] = count.outsideWorkspaces();
                buffers[1] = count.outsideWorkspacesBytes();
                count.close();
            } else if (r >= 0) {
                bare[r] = bareRate;
                pass[r] = passRate;
                ratio[r] = passRate / bareRate;
            }
        }
        double batches = Math.ceil(n / (double) batch);
        return new Result(Stats.of(bare), Stats.of(pass), Stats.of(ratio), monitors, buffers[0] / batches,
                buffers[1] / batches, buffers[2] / batches, buffers[3] / batches, passesPerEpoch());
    }

    /** One training-start pass of the real monitors through the dispatcher, timed. */
    private double passSeconds(BuiltNetwork built, PreparedData data, int batch, List<String> monitors) {
        List<MonitorSlot> slots = new ArrayList<>();
        for (String name : monitors) {
            Monitor monitor = registry.get(PluginFamily.MONITOR, name);
            Parameters params = Parameters.defaults(monitor);
            slots.add(new MonitorSlot(monitor, params, monitor.sampling(params)));
        }
        RunServices services = new RunServices("bench", new RunInfo("bench", 0, null), built.layout().info(),
                new LayerViews(built.network(), built.layout()), new Nd4jStatistics(), new InMemoryMeasurements(),
                new FindingLog(), new StopSignal());
        try (HookDispatcher dispatcher = new HookDispatcher(slots, services, built, 1, data.trainingExamples(), batch)) {
            long t0 = System.nanoTime();
            dispatcher.trainingStart(new DatasetPass(built.network(), data.train(), batch), 0, 0);
            return (System.nanoTime() - t0) / 1e9;
        }
    }
}
