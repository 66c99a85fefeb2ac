package io.trainscope.core.training;

import io.trainscope.api.monitor.Finding;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.checkpoint.Checkpoint;
import io.trainscope.core.checkpoint.CheckpointStore;
import io.trainscope.core.checkpoint.RunPosition;
import io.trainscope.core.checkpoint.TrainingState;
import io.trainscope.core.config.ResolvedConfigWriter;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.run.AtomicFiles;
import io.trainscope.core.run.FindingsWriter;
import io.trainscope.core.run.MeasurementSink;
import io.trainscope.core.run.RunFolder;
import io.trainscope.core.run.RunMetadata;
import io.trainscope.core.run.RunRecorder;
import io.trainscope.core.run.RunReporter;
import io.trainscope.core.training.optim.ScheduleKind;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How a run continues from its checkpoint: decides whether it can ({@link #of}: the seed, the
 * epoch count, a finished or early-stopped run), then puts everything back: the network and
 * optimizer, counters and random state; early stopping with the best parameters of
 * {@code best.zip}; the run folder's {@code metrics.jsonl} cut back to the checkpoint, the
 * findings reported before it (not reported again) and {@code run.json} with a {@code resumed}
 * entry; and the position (epoch and batch) where the loop starts. A run killed before its first
 * checkpoint ({@link #fromStart}) starts again from the beginning, in its own folder.
 */
final class ResumePlan {

    private static final Logger log = LoggerFactory.getLogger(ResumePlan.class);

    private final RunFolder folder;
    /** The checkpoint it continues from; null for a run that starts again from the beginning. */
    private final Checkpoint checkpoint;
    private final ResolvedExperiment experiment;
    private final int plannedEpochs;

    private ResumePlan(RunFolder folder, Checkpoint checkpoint, ResolvedExperiment experiment, int plannedEpochs) {
        this.folder = folder;
        this.checkpoint = checkpoint;
        this.experiment = experiment;
        this.plannedEpochs = plannedEpochs;
    }

    /**
     * Checks that the run can continue as asked and settles its experiment.
     *
     * @param saved the experiment resolved from the checkpoint's config
     * @throws TrainscopeException naming the run and what to do, when it cannot
     */
    static ResumePlan of(RunFolder folder, Checkpoint checkpoint, ResolvedExperiment saved, ResumeOptions options) {
        TrainingState state = checkpoint.state();
        String run = "run " + folder.directory();
        if (options.seed() != null && options.seed() != state.shuffleSeed()) {
            throw new TrainscopeException("cannot resume " + run + " with seed " + options.seed() + ": it was trained with "
                    + "seed " + state.shuffleSeed() + " and a resumed run keeps its seed; start a new run to train with seed "
                    + options.seed());
        }
        int planned = saved.spec().training().epochs();
        int epochs = options.epochs() == null ? planned : options.epochs();
        int done = state.epochsCompleted();
        if (options.epochs() != null && epochs <= done) {
            throw new TrainscopeException("cannot resume " + run + " with " + epochs + " epochs: it has already completed "
                    + done + "; give more than " + done + " epochs to extend it");
        }
        if (epochs <= done) {
            throw new TrainscopeException(run + " already completed its " + planned + " epochs; nothing to resume "
                    + "(give a larger number of epochs to extend it)");
        }
        checkNotStoppedEarly(run, saved, state);
        ResolvedExperiment experiment = saved.withSeed(state.shuffleSeed());
        return new ResumePlan(folder, checkpoint, epochs == planned ? experiment : experiment.withEpochs(epochs), planned);
    }

    /**
     * Whether the folder holds a run killed before its first checkpoint: its {@code run.json} still
     * says {@code running}, it has its {@code config.yaml}, and no checkpoint file at all (a
     * damaged one is not the same: its run is refused).
     */
    static boolean killedBeforeFirstCheckpoint(RunFolder folder, CheckpointStore store) {
        RunMetadata run = RunMetadata.readOr(folder.file(RunFolder.RUN), null);
        return run != null && "running".equals(run.fields().get("status")) && Files.isRegularFile(folder.file(RunFolder.CONFIG))
                && store.positionFiles().isEmpty() && !Files.exists(folder.checkpoints().resolve(CheckpointStore.BEST));
    }

    /**
     * A run killed before its first checkpoint, started again from the beginning in its folder:
     * nothing to restore (the network is built from the seed as it was), {@code metrics.jsonl} and
     * the findings start empty.
     *
     * @param saved the experiment resolved from the folder's {@code config.yaml}
     */
    static ResumePlan fromStart(RunFolder folder, ResolvedExperiment saved, ResumeOptions options) {
        long seed = saved.spec().training().seed();
        if (options.seed() != null && options.seed() != seed) {
            throw new TrainscopeException("cannot resume run " + folder.directory() + " with seed " + options.seed()
                    + ": it was started with seed " + seed + " and a resumed run keeps its seed; start a new run to train "
                    + "with seed " + options.seed());
        }
        int planned = saved.spec().training().epochs();
        int epochs = options.epochs() == null ? planned : options.epochs();
        return new ResumePlan(folder, null, epochs == planned ? saved : saved.withEpochs(epochs), planned);
    }

    /** Deletes the temporary files that writes cut short by a kill left in the run folder and its checkpoints. */
    static void removeLeftovers(RunFolder folder) {
        for (Path dir : List.of(folder.directory(), folder.checkpoints())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path tmp : files.filter(f -> f.getFileName().toString().matches("\\..+\\.tmp")).toList()) {
                    Files.deleteIfExists(tmp);
                    log.info("removed {}, left by a write that was cut short", tmp);
                }
            } catch (IOException e) {
                log.warn("could not clean {}: {}", dir, e.getMessage());
            }
        }
    }

    private static void checkNotStoppedEarly(String run, ResolvedExperiment saved, TrainingState state) {
        var early = saved.spec().training().earlyStopping();
        if (early != null && state.earlyStopping().epochsWithoutImprovement() >= early.patience()) {
            throw new TrainscopeException(run + " was stopped early after epoch " + state.epochsCompleted() + ": "
                    + early.metric() + " did not improve for " + early.patience() + " epochs; nothing to resume");
        }
    }

    /** The experiment the resumed run trains: the checkpoint's, with its seed and the epochs asked for. */
    ResolvedExperiment experiment() {
        return experiment;
    }

    /** The run folder it continues. */
    RunFolder folder() {
        return folder;
    }

    /** Where the loop starts. */
    RunPosition start() {
        return checkpoint == null ? RunPosition.START : checkpoint.state().position();
    }

    /** Writes the new epoch count into the run folder's {@code config.yaml}, when it changed. */
    void recordPlan() {
        int epochs = experiment.spec().training().epochs();
        if (epochs == plannedEpochs) {
            return;
        }
        log.info("extending {} from {} to {} epochs", folder.id(), plannedEpochs, epochs);
        if (experiment.schedule() == ScheduleKind.COSINE && checkpoint != null) {
            log.warn("the cosine schedule is planned over all of a run's iterations: with {} epochs instead of {}, the "
                    + "learning rate from iteration {} on follows the new plan", epochs, plannedEpochs,
                    checkpoint.state().iteration());
        }
        try {
            AtomicFiles.writeString(folder.file(RunFolder.CONFIG), ResolvedConfigWriter.toYaml(experiment));
        } catch (IOException e) {
            throw new TrainscopeException("cannot write " + folder.file(RunFolder.CONFIG) + ": " + e.getMessage(), e);
        }
    }

    /** Puts the network, its optimizer and early stopping where the checkpoint left them. */
    void restore(MultiLayerNetwork net, EarlyStopping early) {
        if (checkpoint == null) {
            log.info("starting {} again from the beginning: it was stopped before its first checkpoint", folder.id());
            return;
        }
        checkpoint.restoreInto(net);
        if (early != null) {
            var best = new CheckpointStore(folder.checkpoints()).best().map(Checkpoint::params).orElse(null);
            if (best == null && checkpoint.state().earlyStopping().bestEpoch() >= 0) {
                log.warn("{} has no best.zip that loads; the resumed run keeps only the best model it finds from now on",
                        folder.directory());
            }
            early.restore(checkpoint.state().earlyStopping(), best);
        }
        TrainingState s = checkpoint.state();
        log.info("resuming {} from {} after epoch {}, batch {} (iteration {})", folder.id(), checkpoint.file(),
                s.epochsCompleted(), s.position().batchInEpoch(), s.iteration());
    }

    /** The recorder of the continued run folder. */
    RunRecorder recorder(RunMetadata fresh, MeasurementSink extraSink, RunReporter reporter) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("at", Instant.now().toString());
        if (checkpoint == null) {
            note.put("checkpoint", null);
            note.put("epochs", experiment.spec().training().epochs());
            return RunRecorder.resume(folder, RunMetadata.readOr(folder.file(RunFolder.RUN), fresh).addResume(note), 0,
                    List.of(), extraSink, reporter);
        }
        TrainingState s = checkpoint.state();
        note.put("checkpoint", folder.directory().relativize(checkpoint.file()).toString());
        note.put("epochs_completed", s.epochsCompleted());
        note.put("batch_in_epoch", s.position().batchInEpoch());
        note.put("iteration", s.iteration());
        note.put("epochs", experiment.spec().training().epochs());
        RunMetadata metadata = RunMetadata.readOr(folder.file(RunFolder.RUN), fresh).addResume(note);
        List<Finding> before = s.findings().stream().map(FindingsWriter::fromMap).toList();
        return RunRecorder.resume(folder, metadata, s.metricsBytes(), before, extraSink, reporter);
    }
}
