package io.trainscope.core.training;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.NetworkInfo;
import io.trainscope.api.monitor.RunInfo;
import io.trainscope.api.monitor.TrainingEndContext.Outcome;
import io.trainscope.core.checkpoint.Checkpoint;
import io.trainscope.core.checkpoint.CheckpointStore;
import io.trainscope.core.checkpoint.TrainingState;
import io.trainscope.core.config.CheckpointSpec;
import io.trainscope.core.config.ResolvedConfigWriter;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.EpochBatches;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.data.PrefetchingBatches;
import io.trainscope.core.evaluation.EvaluationResult;
import io.trainscope.core.evaluation.Evaluator;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.monitor.DatasetPass;
import io.trainscope.core.monitor.Dl4jListenerBridge;
import io.trainscope.core.monitor.HookDispatcher;
import io.trainscope.core.monitor.LayerViews;
import io.trainscope.core.monitor.MonitorSlot;
import io.trainscope.core.monitor.Nd4jStatistics;
import io.trainscope.core.monitor.RunServices;
import io.trainscope.core.monitor.StopSignal;
import io.trainscope.core.run.Environment;
import io.trainscope.core.run.FindingLog;
import io.trainscope.core.run.FindingsWriter;
import io.trainscope.core.run.JsonlMeasurementWriter;
import io.trainscope.core.run.Measurement;
import io.trainscope.core.run.MeasurementSink;
import io.trainscope.core.run.RunFolder;
import io.trainscope.core.run.RunMetadata;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training run, from its first iteration (or a checkpoint) to its end: the epoch loop, hook
 * dispatch, validation, early stopping, checkpoints, and the run folder's files. Built and driven
 * by {@link Trainer}; one instance runs once.
 */
final class TrainingRun {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    private final ResolvedExperiment experiment;
    private final PreparedData data;
    private final BuiltNetwork built;
    private final IUpdater updater;
    private final List<MonitorSlot> slots;
    private final RunOptions options;
    private final RunFolder folder;
    private final Checkpoint resumeFrom;
    private final Map<String, float[]> featureStatistics;

    TrainingRun(ResolvedExperiment experiment, PreparedData data, BuiltNetwork built, IUpdater updater,
                List<MonitorSlot> slots, RunOptions options, RunFolder folder, Checkpoint resumeFrom,
                Map<String, float[]> featureStatistics) {
        this.experiment = experiment;
        this.data = data;
        this.built = built;
        this.updater = updater;
        this.slots = slots;
        this.options = options;
        this.folder = folder;
        this.resumeFrom = resumeFrom;
        this.featureStatistics = featureStatistics;
    }

    TrainingResult run() {
        var spec = experiment.spec();
        var training = spec.training();
        long seed = training.seed();
        MultiLayerNetwork net = built.network();
        String runId = folder != null ? folder.id() : spec.name() + "-seed" + seed;
        int batchSize = training.batchSize();
        int batchesPerEpoch = EpochBatches.batchesPerEpoch(data.trainingExamples(), batchSize);

        FindingLog findings = new FindingLog();
        int startEpoch = 0;
        EarlyStopping early = training.earlyStopping() == null ? null : new EarlyStopping(training.earlyStopping());
        INDArray bestParams = null;
        if (resumeFrom != null) {
            startEpoch = restore(resumeFrom, net, early, findings);
            bestParams = early == null ? null : bestParamsOnDisk();
        }
        MeasurementSink sink = openSink(runId);
        CheckpointStore checkpoints = folder == null ? null : new CheckpointStore(folder.checkpoints());
        RunMetadata metadata = new RunMetadata(runId, spec.name(), seed, built.layout().info(), Environment.describe());
        StopSignal stop = new StopSignal();
        NetworkInfo networkInfo = built.layout().info();
        RunServices services = new RunServices(runId, new RunInfo(spec.name(), seed, folder == null ? null : folder.directory()),
                networkInfo, new LayerViews(net, built.layout()), new Nd4jStatistics(), sink, findings, stop);
        HookDispatcher dispatcher = new HookDispatcher(slots, services, built, training.epochs(), data.trainingExamples(),
                batchSize);
        if (!slots.isEmpty()) {
            net.setListeners(new Dl4jListenerBridge(dispatcher));
        }
        DatasetPass pass = new DatasetPass(net, data.train(), Math.max(batchSize, 500));

        Outcome outcome = Outcome.COMPLETED;
        String reason = "";
        int epoch = startEpoch;
        double epochLoss = Double.NaN;
        Map<String, Double> validation = Map.of();
        options.progress().runStarted(runId, seed, training.epochs(), batchesPerEpoch);
        writeMetadata(metadata.put("status", "running"));
        try {
            dispatcher.trainingStart(pass, net.getIterationCount(), epoch);
            for (; epoch < training.epochs(); epoch++) {
                net.setEpochCount(epoch);
                dispatcher.epochStart(epoch, net.getIterationCount());
                options.progress().epochStarted(epoch, batchesPerEpoch);
                long t0 = System.nanoTime();
                double lossSum = 0;
                long seen = 0;
                int b = 0;
                try (PrefetchingBatches batches = new PrefetchingBatches(
                        new EpochBatches(data.train(), batchSize, seed, epoch, true), 2)) {
                    while (batches.hasNext()) {
                        DataSet batch = batches.next();
                        long iteration = net.getIterationCount();
                        int n = batch.numExamples();
                        double lr = updater.getLearningRate((int) iteration, epoch);
                        dispatcher.beforeIteration(iteration, epoch, n, lr);
                        net.fit(batch);
                        if (iteration == 0) {
                            metadata.put("startup_seconds",
                                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
                        }
                        double loss = net.score();
                        sink.accept(trainer(runId, iteration, epoch, TrainerMetrics.LOSS, loss));
                        lossSum += loss * n;
                        seen += n;
                        options.progress().batchDone(epoch, b++, loss, n);
                        release(net, batch);
                        if (stop.requested()) {
                            break;
                        }
                    }
                }
                epochLoss = lossSum / Math.max(1, seen);
                double seconds = (System.nanoTime() - t0) / 1e9;
                long iteration = net.getIterationCount();
                sink.accept(trainer(runId, iteration, epoch, TrainerMetrics.EPOCH_LOSS, epochLoss));
                sink.accept(trainer(runId, iteration, epoch, TrainerMetrics.LEARNING_RATE,
                        updater.getLearningRate((int) iteration, epoch)));
                sink.accept(trainer(runId, iteration, epoch, TrainerMetrics.EPOCH_SECONDS, seconds));
                sink.accept(trainer(runId, iteration, epoch, TrainerMetrics.THROUGHPUT, seen / Math.max(1e-9, seconds)));
                double rss = io.trainscope.core.run.Environment.residentMemoryMiB();
                if (!Double.isNaN(rss)) {
                    sink.accept(trainer(runId, iteration, epoch, TrainerMetrics.RESIDENT_MEMORY, rss));
                }
                sink.accept(trainer(runId, iteration, epoch, TrainerMetrics.NATIVE_MEMORY, Environment.nativeMemoryMiB()));
                Runtime rt = Runtime.getRuntime();
                sink.accept(trainer(runId, iteration, epoch, TrainerMetrics.HEAP_MEMORY,
                        (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0)));
                validation = data.validation() == null ? Map.of()
                        : Evaluator.evaluate(net, data.validation(), built.head(), Math.max(batchSize, 500)).metrics();
                for (var e : validation.entrySet()) {
                    sink.accept(trainer(runId, iteration, epoch, TrainerMetrics.validation(e.getKey()), e.getValue()));
                }
                dispatcher.epochEnd(epoch, iteration, epochLoss, validation, pass);
                options.progress().epochEnded(epoch, epochLoss, validation, seconds);

                boolean best = early != null && early.record(epoch, validation);
                if (best) {
                    bestParams = copy(bestParams, net.params());
                }
                if (stop.requested()) {
                    outcome = Outcome.STOPPED_BY_MONITOR;
                    reason = stop.describe();
                    epoch++;
                    break;
                }
                saveCheckpoints(checkpoints, training.checkpoints(), net, epoch + 1, early, best, sink, findings);
                writeFindings(runId, findings);
                writeMetadata(metadata.put("epochs_completed", epoch + 1).put("iterations", net.getIterationCount()));
                if (early != null && early.shouldStop()) {
                    outcome = Outcome.EARLY_STOPPED;
                    reason = "no improvement of " + early.metric() + " for " + early.epochsWithoutImprovement()
                            + " epochs; best " + early.best() + " at epoch " + (early.bestEpoch() + 1);
                    epoch++;
                    break;
                }
            }
        } catch (RuntimeException e) {
            outcome = Outcome.FAILED;
            reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            log.error("training failed at epoch {}, iteration {}", epoch, net.getIterationCount(), e);
        } finally {
            dispatcher.trainingEnd(outcome, reason, net.getIterationCount(), Math.max(0, epoch - 1));
            net.setListeners();
            dispatcher.close();
        }

        if (bestParams != null && outcome != Outcome.FAILED) {
            net.setParams(bestParams);
            log.info("restored the best model: {} = {} at epoch {}", early.metric(), early.best(), early.bestEpoch() + 1);
        }
        EvaluationResult test = null;
        if (data.test() != null && outcome != Outcome.FAILED) {
            test = Evaluator.evaluate(net, data.test(), built.head(), Math.max(batchSize, 500));
            for (var e : test.metrics().entrySet()) {
                sink.accept(trainer(runId, net.getIterationCount(), Math.max(0, epoch - 1), TrainerMetrics.test(e.getKey()),
                        e.getValue()));
            }
        }
        sink.close();
        writeFindings(runId, findings);
        Map<String, Long> nanos = new LinkedHashMap<>();
        slots.forEach(s -> nanos.put(s.name(), s.nanos()));
        TrainingResult result = new TrainingResult(runId, folder == null ? null : folder.directory(), seed, outcome, reason,
                epoch, net.getIterationCount(), epochLoss, validation, test, findings.all(), nanos, built);
        metadata.put("status", outcome.name().toLowerCase(java.util.Locale.ROOT)).put("reason", reason)
                .put("finished", java.time.Instant.now().toString())
                .put("epochs_completed", epoch).put("iterations", net.getIterationCount())
                .put("final", Map.of("training_loss", epochLoss, "validation", validation))
                .put("test", test == null ? Map.of() : test.metrics())
                .put("monitor_seconds", seconds(nanos));
        writeMetadata(metadata);
        writeReport();
        options.progress().runEnded(result);
        return result;
    }

    private int restore(Checkpoint c, MultiLayerNetwork net, EarlyStopping early, FindingLog findings) {
        TrainingState s = c.state();
        net.setParams(c.params());
        if (c.updaterState() != null) {
            net.getUpdater(true).setStateViewArray(net, c.updaterState(), false);
        }
        net.setIterationCount((int) s.iteration());
        net.setEpochCount(s.epochsCompleted());
        Nd4j.getRandom().setStates(s.rngRootState(), s.rngNodeState());
        if (early != null) {
            early.restore(s.bestMetric(), s.bestEpoch(), s.epochsWithoutImprovement());
        }
        for (Map<String, Object> f : s.findings()) {
            findings.restore(FindingsWriter.fromMap(f));
        }
        if (folder != null) {
            truncate(folder.file(RunFolder.METRICS), s.metricsBytes());
        }
        log.info("resuming from {} after epoch {} (iteration {})", c.file(), s.epochsCompleted(), s.iteration());
        return s.epochsCompleted();
    }

    /** The best model's parameters saved before an interruption, so a resumed run still ends with the best model. */
    private INDArray bestParamsOnDisk() {
        if (folder == null) {
            return null;
        }
        java.nio.file.Path best = folder.checkpoints().resolve(CheckpointStore.BEST);
        if (!Files.exists(best)) {
            return null;
        }
        try {
            return CheckpointStore.read(best).params();
        } catch (io.trainscope.core.checkpoint.CheckpointException e) {
            log.warn("{}; the resumed run keeps only the best model it finds from now on", e.getMessage());
            return null;
        }
    }

    private void saveCheckpoints(CheckpointStore store, CheckpointSpec spec, MultiLayerNetwork net, int epochsCompleted,
                                 EarlyStopping early, boolean best, MeasurementSink sink, FindingLog findings) {
        if (store == null) {
            return;
        }
        boolean periodic = spec.everyEpochs() > 0 && epochsCompleted % spec.everyEpochs() == 0;
        if (!periodic && !best) {
            return;
        }
        sink.flush();
        long metricsBytes = size(folder.file(RunFolder.METRICS));
        var rng = Nd4j.getRandom();
        TrainingState state = new TrainingState(epochsCompleted, net.getIterationCount(), rng.rootState(), rng.nodeState(),
                early == null ? Double.NaN : early.best(), early == null ? -1 : early.bestEpoch(),
                early == null ? 0 : early.epochsWithoutImprovement(), metricsBytes, experiment.spec().training().seed(),
                data.inputs(), findings.all().stream().map(FindingsWriter::toMap).toList(), featureStatistics,
                data.task() instanceof io.trainscope.api.data.Task.Classification c ? c.classNames() : List.of(),
                data.task() instanceof io.trainscope.api.data.Task.Regression r ? r.outputs() : 0);
        INDArray updaterState = net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
        Checkpoint checkpoint = new Checkpoint(state, net.params(), updaterState, ResolvedConfigWriter.toYaml(experiment), null);
        if (periodic) {
            store.saveEpoch(checkpoint, spec.keepLast());
        }
        if (best) {
            store.saveBest(checkpoint);
        }
    }

    private MeasurementSink openSink(String runId) {
        MeasurementSink sink = folder == null ? null : new JsonlMeasurementWriter(folder.file(RunFolder.METRICS));
        if (options.extraSink() != null) {
            sink = sink == null ? options.extraSink() : MeasurementSink.both(sink, options.extraSink());
        }
        return sink != null ? sink : m -> { };
    }

    private void writeFindings(String runId, FindingLog findings) {
        if (folder == null) {
            return;
        }
        try {
            FindingsWriter.write(folder.file(RunFolder.FINDINGS), runId, findings.all());
        } catch (IOException e) {
            log.warn("could not write {}: {}", folder.file(RunFolder.FINDINGS), e.getMessage());
        }
    }

    /**
     * Frees a batch's arrays as soon as its iteration is done. They were gathered outside any
     * workspace; left to the garbage collector, their native memory piles up between collections
     * (the Java heap barely notices them) and the process grows by the size of every batch it saw.
     */
    private static void release(MultiLayerNetwork net, DataSet batch) {
        net.setInput(null);
        net.setLabels(null);
        batch.getFeatures().close();
        batch.getLabels().close();
    }

    /** Writes report.html; a report that cannot be written is a warning, never a failed run. */
    private void writeReport() {
        if (folder == null || !options.report()) {
            return;
        }
        try {
            io.trainscope.core.report.ReportWriter.writeFor(folder.directory());
        } catch (RuntimeException | LinkageError e) {
            log.warn("could not write the report of {}: {}", folder.directory(), e.getMessage());
        }
    }

    private void writeMetadata(RunMetadata metadata) {
        if (folder == null) {
            return;
        }
        try {
            metadata.write(folder.file(RunFolder.RUN));
        } catch (IOException e) {
            log.warn("could not write {}: {}", folder.file(RunFolder.RUN), e.getMessage());
        }
    }

    private static Measurement trainer(String runId, long iteration, int epoch, io.trainscope.api.monitor.Metric metric,
                                       double value) {
        return new Measurement(runId, iteration, epoch, TrainerMetrics.SOURCE, null, null, metric, value, null);
    }

    private static INDArray copy(INDArray target, INDArray source) {
        try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            if (target == null) {
                return source.dup();
            }
            return target.assign(source);
        }
    }

    private static Map<String, Double> seconds(Map<String, Long> nanos) {
        Map<String, Double> s = new LinkedHashMap<>();
        nanos.forEach((k, v) -> s.put(k, v / 1e9));
        return s;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void truncate(Path file, long bytes) {
        try {
            if (Files.exists(file) && Files.size(file) > bytes) {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                    raf.setLength(bytes);
                }
            }
        } catch (IOException e) {
            log.warn("could not truncate {} to the checkpoint's {} bytes: {}", file, bytes, e.getMessage());
        }
    }
}
