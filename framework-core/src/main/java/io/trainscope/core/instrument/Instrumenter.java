package io.trainscope.core.instrument;

import io.trainscope.api.monitor.RunInfo;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.config.ConfigException;
import io.trainscope.core.config.ExperimentResolver;
import io.trainscope.core.config.ResolvedConfigWriter;
import io.trainscope.core.config.ResolvedMonitor;
import io.trainscope.core.monitor.HookDispatcher;
import io.trainscope.core.monitor.LayerViews;
import io.trainscope.core.monitor.MonitorSlot;
import io.trainscope.core.monitor.Nd4jStatistics;
import io.trainscope.core.monitor.RunServices;
import io.trainscope.core.monitor.StopSignal;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.plugin.PluginRegistry;
import io.trainscope.core.run.AtomicFiles;
import io.trainscope.core.run.Environment;
import io.trainscope.core.run.MetricCatalogue;
import io.trainscope.core.run.RunFolder;
import io.trainscope.core.run.RunMetadata;
import io.trainscope.core.run.RunRecorder;
import io.trainscope.core.run.RunReporter;
import io.trainscope.core.training.TrainerMetrics;
import jakarta.inject.Inject;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Instruments a network an application built and trains itself: reads its layers
 * ({@link NetworkReader}), resolves the monitors as a config's {@code monitors:} section is
 * resolved (same checks, same one-line errors), creates the run folder with its {@code config.yaml}
 * (the monitors and the network's layers) and {@code catalogue.json}, wires a hook dispatcher whose
 * prescriptions are worded for DL4J code ({@link Dl4jRemedies}), starts the monitors on the
 * network's present weights and installs the listener ({@link InstrumentedRun}).
 */
public final class Instrumenter {

    private static final Logger log = LoggerFactory.getLogger(Instrumenter.class);

    private final PluginRegistry registry;
    private final ExperimentResolver resolver;
    private final RunReporter reporter;

    @Inject
    public Instrumenter(PluginRegistry registry, ExperimentResolver resolver, Optional<RunReporter> reporter) {
        this.registry = registry;
        this.resolver = resolver;
        this.reporter = reporter.orElse(null);
    }

    /** Instruments an initialized {@code MultiLayerNetwork}. */
    public InstrumentedRun instrument(MultiLayerNetwork network, InstrumentOptions options) {
        requireInitialized(network.getLayers() != null && network.params() != null, "MultiLayerNetwork");
        if (network.getGradientsViewArray() == null) {
            network.initGradientsView();
        }
        UserLayout layout = new NetworkReader(new ActivationNames(registry)).read(network);
        return start(network, layout, network.getLayerWiseConfigurations().getConf(0).getSeed(), options);
    }

    /** Instruments an initialized {@code ComputationGraph}. */
    public InstrumentedRun instrument(ComputationGraph network, InstrumentOptions options) {
        requireInitialized(network.getVertices() != null && network.params() != null, "ComputationGraph");
        if (network.getGradientsViewArray() == null) {
            network.initGradientsView();
        }
        UserLayout layout = new NetworkReader(new ActivationNames(registry)).read(network);
        return start(network, layout, network.getConfiguration().getDefaultConfiguration().getSeed(), options);
    }

    private InstrumentedRun start(Model network, UserLayout layout, long seed, InstrumentOptions options) {
        checkName(options.name());
        List<ResolvedMonitor> monitors = resolver.monitors(options.monitors());
        RunFolder folder = options.root() == null ? null : RunFolder.create(options.root(), options.name());
        String runId = folder != null ? folder.id() : options.name();
        writeFiles(folder, options.name(), layout, monitors);
        RunMetadata metadata = new RunMetadata(runId, options.name(), seed, layout.info(), Environment.describe())
                .put("instrumented", Map.of("network", network.getClass().getSimpleName(), "not_covered",
                        layout.notCovered()));
        RunRecorder recorder = RunRecorder.create(folder, runId, metadata, options.extraSink(),
                options.report() ? reporter : null);
        recorder.findings().layerNames(layout.names());
        List<MonitorSlot> slots = monitors.stream().map(m -> new MonitorSlot(registry.get(PluginFamily.MONITOR, m.name()),
                m.params(), m.sampling())).toList();
        StopSignal stop = new StopSignal();
        RunServices services = new RunServices(runId, new RunInfo(options.name(), seed, recorder.directory()),
                layout.info(), new LayerViews(layout.owners(), layout.names()), new Nd4jStatistics(), recorder.sink(),
                recorder.findings(), stop, new Dl4jRemedies(registry));
        logCoverage(layout, monitors);
        HookDispatcher dispatcher = new HookDispatcher(slots, services, new UserForward(layout), layout.miniBatch(), null,
                0, 0, 0);
        InstrumentedRun run = new InstrumentedRun(network, layout, dispatcher, recorder,
                new ListenerMeter(runId, recorder.sink()), stop, slots);
        run.start();
        network.addListeners(run);
        return run;
    }

    private static void requireInitialized(boolean initialized, String what) {
        if (!initialized) {
            throw new TrainscopeException("the " + what + " is not initialized; call init() before instrumenting it");
        }
    }

    private static void checkName(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new ConfigException("name", "must be letters, digits, '.', '_' or '-' (it names the run folder), got '"
                    + name + "'");
        }
    }

    private static void logCoverage(UserLayout layout, List<ResolvedMonitor> monitors) {
        if (!layout.notCovered().isEmpty()) {
            log.info("trainscope does not cover {} of the network's layers; no monitor sees them: {}",
                    layout.notCovered().size(), String.join(", ", layout.notCovered()));
        }
        for (ResolvedMonitor m : monitors) {
            if (m.sampling().wantsDatasetPass()) {
                log.info("monitor '{}' measures on full passes over the training set, which an instrumented run does not "
                        + "make (the data is the application's): it records nothing from them", m.name());
            }
        }
    }

    /** {@code config.yaml} (what was watched, with every monitor parameter) and {@code catalogue.json}. */
    private static void writeFiles(RunFolder folder, String name, UserLayout layout, List<ResolvedMonitor> monitors) {
        if (folder == null) {
            return;
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("instrumented", Map.of("layers", layout.names(), "not-covered", layout.notCovered()));
        config.put("monitors", ResolvedConfigWriter.monitors(monitors));
        MetricCatalogue catalogue = new MetricCatalogue().add(TrainerMetrics.SOURCE, ListenerMeter.DECLARED);
        monitors.forEach(m -> catalogue.add(m.name(), m.metrics()));
        try {
            Files.deleteIfExists(folder.checkpoints()); // the application's checkpoints are its own
            AtomicFiles.writeString(folder.file(RunFolder.CONFIG), "# An instrumented run: the application built and "
                    + "trained this network with DL4J; trainscope watched it.\n" + ResolvedConfigWriter.yaml(config));
            catalogue.write(folder.file(RunFolder.CATALOGUE));
        } catch (IOException e) {
            throw new TrainscopeException("cannot write the run folder " + folder.directory() + ": " + e.getMessage(), e);
        }
    }
}
