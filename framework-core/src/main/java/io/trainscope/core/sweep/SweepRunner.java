package io.trainscope.core.sweep;

import io.trainscope.core.config.EarlyStoppingSpec;
import io.trainscope.core.data.DataPreparer;
import io.trainscope.core.run.OutputException;
import io.trainscope.core.run.RunFolder;
import io.trainscope.core.run.RunReporter;
import io.trainscope.core.training.ResumeOptions;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.Trainer;
import io.trainscope.core.training.TrainingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Trains a sweep's runs one after another in this JVM, each in its own run folder inside the
 * sweep folder, on data loaded once per distinct data section and seed ({@link DataCache}). A run
 * that fails (it diverges, or its combination cannot be built) is recorded as failed and the
 * next one starts. {@code sweep.json} and {@code sweep.md} are rewritten when a run starts and
 * when it ends, so an interrupted sweep can be resumed: runs already done are kept, the run that
 * was interrupted continues from its newest checkpoint (or starts again if it had none), and the
 * rest train. At the end the reporter, if any, overlays the runs in {@code comparison.html}.
 */
final class SweepRunner {

    private static final Logger log = LoggerFactory.getLogger(SweepRunner.class);

    private final Trainer trainer;
    private final DataPreparer preparer;
    private final RunReporter reporter;

    SweepRunner(Trainer trainer, DataPreparer preparer, RunReporter reporter) {
        this.trainer = trainer;
        this.preparer = preparer;
        this.reporter = reporter;
    }

    /** Trains every run of {@code plan} that {@code state} does not record as done. */
    SweepResult run(SweepFolder folder, SweepPlan plan, SweepState state, RunOptions options, SweepListener listener) {
        List<PlannedRun> todo = plan.runs().stream().filter(r -> !state.runs().get(r.index()).done()).toList();
        DataCache cache = new DataCache(preparer, options.cacheDirectory(), todo.stream().map(PlannedRun::experiment).toList());
        RunOptions runOptions = options.withOutputRoot(folder.directory());
        SweepState current = state;
        for (PlannedRun run : plan.runs()) {
            SweepState.Run entry = current.runs().get(run.index());
            if (entry.done()) {
                listener.runAlreadyDone(run, entry.summary());
                continue;
            }
            current = write(folder, plan, current.with(entry.with(SweepState.Run.RUNNING, entry.folder(), null)));
            Attempt attempt = train(folder, run, entry, cache, runOptions, listener, plan.runs().size());
            current = write(folder, plan, current.with(entry.with(SweepState.Run.DONE, attempt.folder(), attempt.summary())));
            listener.runEnded(run, attempt.summary());
        }
        current = write(folder, plan, current.finishedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        return new SweepResult(folder.directory(), current, SweepTable.of(current), comparison(folder, current),
                cache.loads());
    }

    /** What one run left: its folder's name (null if it has none) and its summary. */
    private record Attempt(String folder, RunSummary summary) {
    }

    private Attempt train(SweepFolder folder, PlannedRun run, SweepState.Run entry, DataCache cache, RunOptions options,
                          SweepListener listener, int runs) {
        Optional<Path> earlier = SweepState.Run.RUNNING.equals(entry.state()) ? folder.runFolder(run.name()) : Optional.empty();
        RunSummaryReader.Wanted wanted = wanted(run);
        try {
            if (earlier.isPresent() && RunSummaryReader.ended(earlier.get())) {
                cache.skip(run.experiment());
                return new Attempt(name(earlier.get()), RunSummaryReader.read(earlier.get(), wanted));
            }
            boolean resuming = earlier.isPresent() && hasCheckpoint(earlier.get());
            listener.runStarting(run, runs, resuming);
            TrainingResult result = resuming
                    ? trainer.resume(earlier.get(), options, ResumeOptions.NONE, e -> cache.take(run.experiment()))
                    : trainer.trainOn(run.experiment(), cache.take(run.experiment()), options);
            return new Attempt(name(result.directory()), RunSummaryReader.read(result.directory(), wanted));
        } catch (OutputException e) {
            throw e;   // a full disk fails every later run too: the sweep stops, resumable once there is space
        } catch (RuntimeException e) {
            log.warn("run {} of the sweep failed: {}", run.name(), e.getMessage());
            Optional<Path> made = folder.runFolder(run.name());
            return new Attempt(made.map(SweepRunner::name).orElse(null),
                    RunSummary.failedToStart(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private static RunSummaryReader.Wanted wanted(PlannedRun run) {
        EarlyStoppingSpec early = run.experiment().spec().training().earlyStopping();
        return new RunSummaryReader.Wanted(early == null ? null : early.metric(), Headlines.of(run.experiment()));
    }

    private static boolean hasCheckpoint(Path runFolder) {
        try (Stream<Path> files = Files.list(runFolder.resolve(RunFolder.CHECKPOINTS))) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("epoch-"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String name(Path directory) {
        return directory == null ? null : directory.getFileName().toString();
    }

    private static SweepState write(SweepFolder folder, SweepPlan plan, SweepState state) {
        folder.write(state, markdown(folder, plan, state));
        return state;
    }

    private static String markdown(SweepFolder folder, SweepPlan plan, SweepState state) {
        long done = state.runs().stream().filter(SweepState.Run::done).count();
        List<String> lines = new ArrayList<>();
        lines.add("Config `" + plan.origin() + "`" + (plan.overrides().isEmpty() ? "" : " with " + plan.overrides())
                + "; " + done + " of " + state.runs().size() + " runs done"
                + (state.finished() == null ? "" : ", finished " + state.finished()) + ".");
        lines.add("");
        lines.add("Run folders are in `" + folder.directory() + "`; resume an interrupted sweep with "
                + "`trainscope train --resume " + folder.directory() + "`.");
        return SweepTable.of(state).markdown("Sweep " + plan.name(), lines);
    }

    /** The report overlaying every run that has a folder; a failure to write it is a warning. */
    private Path comparison(SweepFolder folder, SweepState state) {
        List<Path> runs = state.runs().stream().filter(r -> r.folder() != null)
                .map(r -> folder.directory().resolve(r.folder()))
                .filter(p -> Files.isRegularFile(p.resolve(RunFolder.METRICS))).toList();
        if (reporter == null || runs.isEmpty()) {
            return null;
        }
        try {
            return reporter.writeComparison(runs, folder.directory().resolve(SweepFolder.COMPARISON)).orElse(null);
        } catch (RuntimeException | LinkageError e) {
            log.warn("could not write the sweep's comparison report: {}", e.getMessage());
            return null;
        }
    }
}
