package io.trainscope.core.training;

import io.trainscope.api.data.Task;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.checkpoint.Checkpoint;
import io.trainscope.core.checkpoint.CheckpointStore;
import io.trainscope.core.checkpoint.FittedStatistics;
import io.trainscope.core.config.ConfigException;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.config.ExperimentResolver;
import io.trainscope.core.config.ResolvedConfigWriter;
import io.trainscope.core.config.ExperimentSpec;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.config.ResolvedMonitor;
import io.trainscope.core.data.DataPreparer;
import io.trainscope.core.data.EpochBatches;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.evaluation.Evaluator;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.model.NetworkBuilder;
import io.trainscope.core.model.OutputHead;
import io.trainscope.core.monitor.MonitorSlot;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.plugin.PluginRegistry;
import io.trainscope.core.run.AtomicFiles;
import io.trainscope.core.run.MetricCatalogue;
import io.trainscope.core.run.RunFolder;
import io.trainscope.core.run.RunReporter;
import jakarta.inject.Inject;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Trains experiments: prepares the data, builds the network, creates fresh monitors, and runs the
 * training loop, writing one run folder per seed. The entry point for embedding:
 *
 * <pre>{@code
 * Trainscope trainscope = Trainscope.create();
 * TrainingResult result = trainscope.trainer().train(trainscope.resolve(Path.of("my.yaml")), RunOptions.defaults());
 * }</pre>
 */
public final class Trainer {

    private final PluginRegistry registry;
    private final NetworkBuilder networkBuilder;
    private final DataPreparer dataPreparer;
    private final ExperimentResolver resolver;
    private final Optional<RunReporter> reporter;

    @Inject
    public Trainer(PluginRegistry registry, NetworkBuilder networkBuilder, DataPreparer dataPreparer,
                   ExperimentResolver resolver, Optional<RunReporter> reporter) {
        this.registry = registry;
        this.networkBuilder = networkBuilder;
        this.dataPreparer = dataPreparer;
        this.resolver = resolver;
        this.reporter = reporter;
    }

    /** Trains with the experiment's first seed. */
    public TrainingResult train(ResolvedExperiment experiment, RunOptions options) {
        return trainOn(experiment, prepare(experiment, options), options);
    }

    /**
     * Loads, splits, normalizes and encodes the experiment's data for its first seed: what
     * {@link #trainOn} trains on. Separate so that benchmarks and applications can prepare once.
     */
    public PreparedData prepare(ResolvedExperiment experiment, RunOptions options) {
        var spec = experiment.spec();
        DataPreparer.Loaded loaded = dataPreparer.load(experiment.dataSource(), spec.data(), spec.training().seed(),
                options.cacheDirectory());
        OutputHead head = OutputHead.resolve(spec.model().output(), loaded.data().task());
        return dataPreparer.prepare(loaded, head, experiment.normalizers());
    }

    /** Trains on already prepared data (see {@link #prepare}) with the experiment's first seed. */
    public TrainingResult trainOn(ResolvedExperiment experiment, PreparedData data, RunOptions options) {
        return setUp(experiment, data, options, null).run(null);
    }

    /** Trains once per seed listed in the config, one run folder each, in order. */
    public List<TrainingResult> trainEverySeed(ResolvedExperiment experiment, RunOptions options) {
        List<TrainingResult> results = new ArrayList<>();
        for (long seed : experiment.spec().training().seeds()) {
            results.add(train(experiment.forSeed(seed), options));
        }
        return results;
    }

    /**
     * Continues a run from its newest checkpoint that loads, in the same folder: the result is
     * identical to a run that was never interrupted (same seed, same thread count).
     */
    public TrainingResult resume(Path runDirectory, RunOptions options) {
        RunFolder folder = RunFolder.open(runDirectory);
        CheckpointStore store = new CheckpointStore(folder.checkpoints());
        Checkpoint checkpoint = store.latest().orElseThrow(() -> new TrainscopeException("run " + runDirectory
                + " has no checkpoint to resume from; checkpoints are written after every epoch unless "
                + "training.checkpoints.every-epochs is 0"));
        ResolvedExperiment experiment = resolver.resolve(new ConfigLoader().parse(checkpoint.config(),
                folder.id(), checkpoint.file().toString(), runDirectory));
        if (checkpoint.state().epochsCompleted() >= experiment.spec().training().epochs()) {
            throw new TrainscopeException("run " + runDirectory + " already completed its "
                    + experiment.spec().training().epochs() + " epochs; nothing to resume");
        }
        ResolvedExperiment seeded = experiment.withSeed(checkpoint.state().shuffleSeed());
        return setUp(seeded, prepare(seeded, options), options, folder).run(checkpoint);
    }

    /** Everything a run needs, prepared; shared by fresh runs and resumes. */
    private Setup setUp(ResolvedExperiment experiment, PreparedData data, RunOptions options, RunFolder existing) {
        var spec = experiment.spec();
        long seed = spec.training().seed();
        OutputHead head = data.head();
        checkEarlyStoppingMetric(spec, data);
        long totalIterations = (long) spec.training().epochs()
                * EpochBatches.batchesPerEpoch(data.trainingExamples(), spec.training().batchSize());
        double lr = experiment.optimizerParams().real("learning-rate");
        ISchedule schedule = experiment.schedule() == null ? null
                : experiment.schedule().create(experiment.scheduleParams(), lr, totalIterations);
        IUpdater updater = experiment.optimizer().create(experiment.optimizerParams(), schedule);
        BuiltNetwork built = networkBuilder.build(experiment, data.inputs(), head, seed, updater);
        List<MonitorSlot> slots = new ArrayList<>();
        for (ResolvedMonitor m : experiment.monitors()) {
            slots.add(new MonitorSlot(registry.get(PluginFamily.MONITOR, m.name()), m.params(), m.sampling()));
        }
        MetricCatalogue catalogue = catalogue(experiment, data.task());
        RunFolder folder = existing;
        if (folder == null && options.outputRoot() != null) {
            folder = RunFolder.create(options.outputRoot(), spec.name());
            write(folder, RunFolder.CONFIG, file -> AtomicFiles.writeString(file, ResolvedConfigWriter.toYaml(experiment)));
        }
        if (folder != null) {
            write(folder, RunFolder.CATALOGUE, catalogue::write);
        }
        RunReporter report = options.report() ? reporter.orElse(null) : null;
        return new Setup(experiment, data, built, updater, slots, options, folder, report);
    }

    /** Early stopping must watch a metric the task produces. */
    private static void checkEarlyStoppingMetric(ExperimentSpec spec, PreparedData data) {
        var early = spec.training().earlyStopping();
        if (early == null) {
            return;
        }
        List<String> measured = Evaluator.metricNames(data.task()).stream().map(n -> TrainerMetrics.validation(n).name())
                .toList();
        if (!measured.contains(early.metric())) {
            throw new ConfigException("training.early-stopping.metric", early.metric()
                    + " is not measured for this data's task; use one of " + String.join(", ", measured));
        }
    }

    /** The trainer's metrics, then each monitor's in config order: what the run folder's catalogue lists. */
    private static MetricCatalogue catalogue(ResolvedExperiment experiment, Task task) {
        MetricCatalogue catalogue = new MetricCatalogue().add(TrainerMetrics.SOURCE, TrainerMetrics.declared(task));
        for (ResolvedMonitor m : experiment.monitors()) {
            try {
                catalogue.add(m.name(), m.metrics());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("monitors", e.getMessage() + "; rename the monitor's metric");
            }
        }
        return catalogue;
    }

    /** A file of the run folder, written by {@code content}. */
    private static void write(RunFolder folder, String name, FileContent content) {
        try {
            content.write(folder.file(name));
        } catch (IOException e) {
            throw new TrainscopeException("cannot write " + folder.file(name) + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface FileContent {
        void write(Path file) throws IOException;
    }

    /** A prepared run: data, network and monitors, ready to start fresh or from a checkpoint. */
    private record Setup(ResolvedExperiment experiment, PreparedData data, BuiltNetwork built, IUpdater updater,
                         List<MonitorSlot> slots, RunOptions options, RunFolder folder, RunReporter reporter) {
        TrainingResult run(Checkpoint resumeFrom) {
            return new TrainingRun(experiment, data, built, updater, slots, options, folder, resumeFrom,
                    FittedStatistics.encode(data.fitted()), reporter).run();
        }
    }
}
