package io.trainscope.core.training;

import io.trainscope.api.data.Task;
import io.trainscope.api.monitor.Remedy;
import io.trainscope.api.monitor.RunInfo;
import io.trainscope.core.checkpoint.CheckpointPolicy;
import io.trainscope.core.checkpoint.CheckpointStore;
import io.trainscope.core.checkpoint.FittedStatistics;
import io.trainscope.core.checkpoint.RunFacts;
import io.trainscope.core.checkpoint.RunPosition;
import io.trainscope.core.checkpoint.StoppingState;
import io.trainscope.core.config.ConfigException;
import io.trainscope.core.config.ExperimentSpec;
import io.trainscope.core.config.FaultSpec;
import io.trainscope.core.config.ResolvedConfigWriter;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.config.ResolvedMonitor;
import io.trainscope.core.config.TrainingSpec;
import io.trainscope.core.data.EpochBatches;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.evaluation.Evaluator;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.model.NetworkBuilder;
import io.trainscope.core.monitor.DatasetPass;
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
import io.trainscope.core.run.OutputException;
import io.trainscope.core.run.RunFolder;
import io.trainscope.core.run.RunMetadata;
import io.trainscope.core.run.RunRecorder;
import io.trainscope.core.run.RunReporter;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets runs up: the optimizer with its schedule, the network, a fresh instance of every monitor,
 * early stopping, the run folder and its recorder, and the parts of the run wired together
 * ({@link RunParts}). A fresh run gets a new folder; a resumed one continues its own
 * ({@link ResumePlan}). Nothing here is shared between runs, so many runs may be set up in one JVM.
 */
final class RunFactory {

    private final PluginRegistry registry;
    private final NetworkBuilder networkBuilder;
    private final RunReporter reporter;
    private final Backends backends;

    /** @param reporter writes each run's report, or null for none */
    RunFactory(PluginRegistry registry, NetworkBuilder networkBuilder, RunReporter reporter, Backends backends) {
        this.registry = registry;
        this.networkBuilder = networkBuilder;
        this.reporter = reporter;
        this.backends = backends;
    }

    /** A new run, in a new folder under {@code options.outputRoot()} (or none). */
    TrainingRun fresh(ResolvedExperiment experiment, PreparedData data, RunOptions options) {
        Model model = model(experiment, data);
        RunFolder folder = options.outputRoot() == null ? null : newFolder(options, experiment);
        writeCatalogue(folder, experiment, data.task());
        String runId = folder != null ? folder.id() : experiment.name() + "-seed" + experiment.spec().training().seed();
        RunRecorder recorder = RunRecorder.create(folder, runId, metadata(runId, experiment, model.built()),
                options.extraSink(), reporter(options));
        return assemble(experiment, data, options, model, recorder, folder, RunPosition.START);
    }

    /** A run continued from its checkpoint, in its own folder. */
    TrainingRun resumed(ResumePlan plan, PreparedData data, RunOptions options) {
        ResolvedExperiment experiment = plan.experiment();
        RunFolder folder = plan.folder();
        Model model = model(experiment, data);
        writeCatalogue(folder, experiment, data.task());
        plan.restore(model.built().network(), model.early());
        plan.recordPlan();
        RunRecorder recorder = plan.recorder(metadata(folder.id(), experiment, model.built()), options.extraSink(),
                reporter(options));
        return assemble(experiment, data, options, model, recorder, folder, plan.start());
    }

    /** The network and what trains it: checked, built, fresh. */
    private Model model(ResolvedExperiment experiment, PreparedData data) {
        ExperimentSpec spec = experiment.spec();
        checkEarlyStoppingMetric(spec, data);
        TrainingBackend backend = backends.of(spec.training());
        long totalIterations = spec.training().epochs() * (backend == null
                ? EpochBatches.batchesPerEpoch(data.trainingExamples(), spec.training().batchSize())
                : backend.iterationsPerEpoch(spec.training(), data.trainingExamples()));
        double lr = experiment.optimizerParams().real("learning-rate");
        ISchedule schedule = experiment.schedule() == null ? null
                : experiment.schedule().create(experiment.scheduleParams(), lr, totalIterations);
        IUpdater updater = experiment.optimizer().create(experiment.optimizerParams(), schedule);
        BuiltNetwork built = networkBuilder.build(experiment, data.inputs(), data.image(), data.head(), spec.training().seed(), updater);
        List<MonitorSlot> slots = new ArrayList<>();
        for (ResolvedMonitor m : experiment.monitors()) {
            slots.add(new MonitorSlot(registry.get(PluginFamily.MONITOR, m.name()), m.params(), m.sampling()));
        }
        var early = spec.training().earlyStopping();
        return new Model(built, updater, slots, early == null ? null : new EarlyStopping(early), backend);
    }

    /** Wires the run's parts around its recorder. */
    private TrainingRun assemble(ResolvedExperiment experiment, PreparedData data, RunOptions options, Model model,
                                 RunRecorder recorder, RunFolder folder, RunPosition start) {
        TrainingSpec training = experiment.spec().training();
        MultiLayerNetwork net = model.built().network();
        int evaluationBatch = Math.max(training.batchSize(), 500);
        StopSignal stop = new StopSignal();
        recorder.findings().layerNames(model.built().layout().names());
        RunServices services = new RunServices(recorder.runId(), new RunInfo(experiment.name(), training.seed(),
                recorder.directory()), model.built().layout().info(), new LayerViews(net, model.built().layout()),
                new Nd4jStatistics(), recorder.sink(), recorder.findings(), stop, Remedy::plugin,
                training.faults().onMonitorError() == FaultSpec.MonitorError.FAIL);
        HookDispatcher dispatcher = new HookDispatcher(model.slots(), services, model.built(), training.epochs(),
                data.trainingExamples(), training.batchSize());
        DatasetPass pass = new DatasetPass(net, data.train(), evaluationBatch);
        TrainingBackend.BackendRun remote = model.backend() == null ? null
                : model.backend().open(experiment, data, model.built(), model.updater());
        TrainerMeter meter = new TrainerMeter(recorder.runId(), recorder.sink(), model.updater(),
                remote != null ? remote.validation() : local(data.validation(), data, evaluationBatch),
                remote != null ? remote.test() : local(data.test(), data, evaluationBatch));
        CheckpointPolicy checkpoints = folder == null ? CheckpointPolicy.NONE : new CheckpointPolicy(training.checkpoints(),
                new CheckpointStore(folder.checkpoints()), facts(experiment, data), recorder,
                model.early() == null ? () -> StoppingState.NONE : model.early()::state);
        EpochBoundary boundary = new EpochBoundary(meter, dispatcher, pass, model.early(), checkpoints, recorder, stop,
                options.progress());
        RunParts parts = new RunParts(recorder, model.slots(), dispatcher, pass, stop, meter, model.early(), checkpoints,
                boundary);
        EpochLoop loop = remote != null ? remote.loop(parts, options.progress(), start)
                : new TrainingLoop(net, data.train(), training.batchSize(), training.epochs(), training.seed(),
                model.updater(), parts, options.progress(), start, new NonFiniteGuard(training.faults().onNonFinite(), net,
                model.built().layout(), recorder.findings(), stop, recorder.metadata()));
        return new TrainingRun(training.seed(), training.epochs(), model.built(), parts, loop, options.progress(), remote);
    }

    /** Evaluation of a split in this JVM, or null without the split. */
    private static SplitEvaluation local(DataSet split, PreparedData data, int batchSize) {
        return split == null ? null : net -> Evaluator.evaluate(net, split, data.head(), batchSize);
    }

    private static RunFacts facts(ResolvedExperiment experiment, PreparedData data) {
        return new RunFacts(ResolvedConfigWriter.toYaml(experiment), experiment.spec().training().seed(), data.inputs(),
                FittedStatistics.encode(data.fitted()), data.task(), data.image());
    }

    private static RunMetadata metadata(String runId, ResolvedExperiment experiment, BuiltNetwork built) {
        return new RunMetadata(runId, experiment.name(), experiment.spec().training().seed(), built.layout().info(),
                Environment.describe());
    }

    private static RunFolder newFolder(RunOptions options, ResolvedExperiment experiment) {
        RunFolder folder = RunFolder.create(options.outputRoot(), experiment.name());
        write(folder, RunFolder.CONFIG, file -> AtomicFiles.writeString(file, ResolvedConfigWriter.toYaml(experiment)));
        return folder;
    }

    /** Writes what the run will measure ({@code catalogue.json}) into its folder, if it has one. */
    private static void writeCatalogue(RunFolder folder, ResolvedExperiment experiment, Task task) {
        if (folder != null) {
            MetricCatalogue catalogue = catalogue(experiment, task);
            write(folder, RunFolder.CATALOGUE, catalogue::write);
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
            throw OutputException.cannotWrite(folder.file(name), e);
        }
    }

    @FunctionalInterface
    private interface FileContent {
        void write(Path file) throws IOException;
    }

    private RunReporter reporter(RunOptions options) {
        return options.report() ? reporter : null;
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

    /** A run's network and what trains it (its backend null for trainscope's own loop). */
    private record Model(BuiltNetwork built, IUpdater updater, List<MonitorSlot> slots, EarlyStopping early,
                         TrainingBackend backend) {
    }
}
