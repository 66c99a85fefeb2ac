package io.trainscope.core.sweep;

import io.trainscope.core.TrainscopeException;
import io.trainscope.core.config.ConfigText;
import io.trainscope.core.config.ExperimentResolver;
import io.trainscope.core.data.DataPreparer;
import io.trainscope.core.run.RunReporter;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.Trainer;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sweeps: a config with a {@code sweep} section trains every combination of the swept values, in
 * one JVM, on data loaded once, each run in its own folder inside a sweep folder with
 * {@code sweep.json}, {@code sweep.md} and a report overlaying the runs. The entry point for
 * embedding and for {@code trainscope train}:
 *
 * <pre>{@code
 * Sweeps sweeps = trainscope.get(Sweeps.class);
 * Optional<SweepPlan> plan = sweeps.plan(Path.of("examples/configs/seed003-activations.yaml"), Map.of());
 * SweepResult result = sweeps.run(plan.orElseThrow(), RunOptions.defaults(), SweepListener.NONE);
 * }</pre>
 *
 * Planning resolves every combination first, so a bad sweep value fails before anything trains.
 * The format of the section is in {@code docs/config.md}.
 */
public final class Sweeps {

    /** The config's top-level key that holds a sweep. */
    public static final String SECTION = "sweep";

    private final SweepPlanner planner;
    private final Trainer trainer;
    private final DataPreparer preparer;
    private final RunReporter reporter;

    @Inject
    public Sweeps(ExperimentResolver resolver, Trainer trainer, DataPreparer preparer, Optional<RunReporter> reporter) {
        this.planner = new SweepPlanner(resolver);
        this.trainer = trainer;
        this.preparer = preparer;
        this.reporter = reporter.orElse(null);
    }

    /**
     * The sweep of a config file, or empty when it has no {@code sweep} section.
     *
     * @param overrides values to set over the config before it is expanded, by config path
     *                  ({@code training.epochs} → 3), as plain values (numbers, text, lists, maps)
     * @throws TrainscopeException when the section or any combination is invalid, naming the sweep entry
     */
    public Optional<SweepPlan> plan(Path config, Map<String, Object> overrides) {
        String stem = config.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        return plan(ConfigText.read(config), stem, config.toString(), config.toAbsolutePath().getParent(), overrides);
    }

    /**
     * The sweep of config text, or empty when it has no {@code sweep} section.
     *
     * @param defaultName the name when the config has none
     * @param origin      how messages name the text
     * @param directory   where its relative paths resolve
     * @param overrides   values to set over the config before it is expanded, by config path
     */
    public Optional<SweepPlan> plan(String text, String defaultName, String origin, Path directory,
                                    Map<String, Object> overrides) {
        return Optional.ofNullable(planner.plan(new SweepPlanner.SweepSource(text, defaultName, origin,
                directory.toAbsolutePath().normalize(), overrides)));
    }

    /**
     * Trains every run of a plan in a new sweep folder under {@code options.outputRoot()}.
     *
     * @throws TrainscopeException when the options write no files (a sweep needs its folder)
     */
    public SweepResult run(SweepPlan plan, RunOptions options, SweepListener listener) {
        if (options.outputRoot() == null) {
            throw new TrainscopeException("a sweep writes a sweep folder; give RunOptions an output root");
        }
        SweepFolder folder = SweepFolder.create(options.outputRoot(), plan.name(), plan.text());
        return runner(options).run(folder, plan, SweepState.planned(plan, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()), options, listener);
    }

    /**
     * Continues an interrupted sweep in its folder: runs already done are kept, the interrupted run
     * continues from its newest checkpoint, the others train.
     *
     * @throws TrainscopeException when the folder is not a sweep folder, or its config no longer
     *                             plans the runs it recorded
     */
    public SweepResult resume(Path sweepDirectory, RunOptions options, SweepListener listener) {
        SweepFolder folder = SweepFolder.open(sweepDirectory);
        SweepState state = folder.state();
        SweepPlan plan = planner.plan(new SweepPlanner.SweepSource(folder.config(), state.name(), state.origin(),
                Path.of(state.directory()), state.overrides()));
        List<String> planned = plan == null ? List.of() : plan.runs().stream().map(PlannedRun::name).toList();
        List<String> recorded = state.runs().stream().map(SweepState.Run::name).toList();
        if (!planned.equals(recorded)) {
            throw new TrainscopeException(sweepDirectory + ": its " + SweepFolder.CONFIG + " now plans " + planned
                    + ", not the runs " + SweepFolder.STATE + " recorded (" + recorded + "); the plugins or the "
                    + "sweep folder changed: start the sweep again");
        }
        return runner(options).run(folder, plan, state, options, listener);
    }

    /** Whether a folder is a sweep folder (so {@code --resume} continues a sweep rather than a run). */
    public static boolean isSweepFolder(Path directory) {
        return SweepFolder.is(directory);
    }

    private SweepRunner runner(RunOptions options) {
        return new SweepRunner(trainer, preparer, options.report() ? reporter : null);
    }
}
