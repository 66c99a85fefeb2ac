package io.trainscope.cli;

import io.trainscope.api.monitor.Severity;
import io.trainscope.core.Trainscope;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.config.ExperimentSpec;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.sweep.SweepPlan;
import io.trainscope.core.sweep.SweepResult;
import io.trainscope.core.sweep.Sweeps;
import io.trainscope.core.training.ResumeOptions;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.TrainingProgress;
import io.trainscope.core.training.TrainingResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code trainscope train CONFIG}: trains an experiment, once per seed, one run folder each. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains the experiment of a YAML config, once per seed, writing one run folder each under "
                + "--output (config.yaml, run.json, metrics.jsonl, findings.json, report.html, checkpoints/).",
                "A config with a sweep section trains every combination of the swept values in one sweep folder "
                        + "(sweep.json, sweep.md, comparison.html and the run folders) and prints their table; "
                        + "--resume SWEEP_DIR continues an interrupted sweep.",
                "Exit status: 0 success, 1 a failed run or a finding at --fail-on, 2 bad input."})
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "The experiment config (YAML).")
    Path config;

    @CommandLine.Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue a run from its newest checkpoint, in its own folder, instead of starting one; "
                    + "or continue an interrupted sweep in its sweep folder.")
    Path resume;

    @CommandLine.Option(names = "--seed", paramLabel = "SEED", split = ",",
            description = "Train with these seeds instead of the config's (comma-separated). With --resume: the run's "
                    + "own seed, or the resume is refused.")
    List<Long> seeds;

    @CommandLine.Option(names = "--epochs", paramLabel = "N", description = "Override training.epochs. With --resume: "
            + "the new total, more than the epochs done (extends a finished run).")
    Integer epochs;

    @CommandLine.Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "runs",
            description = "Where run folders go (default: ${DEFAULT-VALUE}).")
    Path output;

    @CommandLine.Option(names = {"-q", "--quiet"}, description = "No progress bar and no log lines below ERROR (no INFO, no WARN): errors and the result only.")
    boolean quiet;

    @CommandLine.Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit with status 1 when a finding at or above this severity is reported (INFO, WARNING, CRITICAL; "
                    + "any case), naming the finding on standard error.")
    Severity failOn;

    @CommandLine.Option(names = "--no-report",
            description = "Do not write report.html into the run folder (build it later with 'trainscope report RUN_DIR').")
    boolean noReport;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Logging.Quiet ignored = quiet ? Logging.errorsOnly() : null) {
            return train();
        }
    }

    private int train() {
        if ((config == null) == (resume == null)) {
            throw new TrainscopeException("give either a CONFIG to train or --resume RUN_DIR to continue a run");
        }
        PrintWriter out = spec.commandLine().getOut();
        Trainscope trainscope = Trainscope.create();
        TrainingProgress progress = quiet ? TrainingProgress.NONE : ConsoleProgress.forTerminal();
        SeedSummary summary = new SeedSummary();
        RunOptions options = new RunOptions(output, summary.sink(), progress, null, !noReport);
        Optional<SweepResult> sweep = sweep(trainscope.get(Sweeps.class), options, out);
        if (sweep.isPresent()) {
            return status(out, sweep.get());
        }
        List<TrainingResult> results = resume != null
                ? List.of(trainscope.trainer().resume(resume, options, resumeOptions()))
                : trainEverySeed(trainscope, options, summary);
        RunConsole console = new RunConsole(out, config, !noReport);
        results.forEach(console::print);
        if (results.size() > 1) {
            summary.print(out);
        }
        out.flush();
        boolean failed = results.stream().anyMatch(r -> !r.succeeded());
        Optional<String> tripped = failOn == null ? Optional.empty() : new FailOn(failOn).tripped(results);
        return failed | explain(tripped) ? TrainscopeCli.FAILED : TrainscopeCli.OK;
    }

    /** The config's experiment, with {@code --epochs} and {@code --seed} over it, trained once per seed. */
    private List<TrainingResult> trainEverySeed(Trainscope trainscope, RunOptions options, SeedSummary summary) {
        ExperimentSpec experiment = trainscope.load(config);
        if (epochs != null) {
            experiment = experiment.withTraining(experiment.training().withEpochs(checkedEpochs()));
        }
        if (seeds != null && !seeds.isEmpty()) {
            experiment = experiment.withTraining(experiment.training().withSeeds(seeds));
        }
        ResolvedExperiment resolved = trainscope.resolve(experiment);
        List<TrainingResult> results = new ArrayList<>();
        for (long seed : resolved.spec().training().seeds()) {
            summary.startSeed(seed);
            results.add(trainscope.trainer().train(resolved.forSeed(seed), options));
        }
        return results;
    }

    /** {@code --epochs}, refused below 1. */
    private int checkedEpochs() {
        if (epochs < 1) {
            throw new TrainscopeException("--epochs must be at least 1, got " + epochs);
        }
        return epochs;
    }

    /**
     * What {@code --epochs} and {@code --seed} ask of a resumed run: more epochs extend it; a seed
     * other than the run's is refused by the resume, with a message (a resumed run keeps its seed).
     */
    private ResumeOptions resumeOptions() {
        ResumeOptions options = ResumeOptions.NONE;
        if (epochs != null) {
            options = options.withEpochs(checkedEpochs());
        }
        if (seeds != null && !seeds.isEmpty()) {
            if (seeds.size() > 1) {
                throw new TrainscopeException("--seed " + seeds.stream().map(String::valueOf)
                        .collect(Collectors.joining(",")) + " lists several seeds, but --resume continues "
                        + "one run with its own seed; give at most one, or none");
            }
            options = options.withSeed(seeds.get(0));
        }
        return options;
    }

    /** Values the command line sets over a sweep's config before it is expanded. */
    private Map<String, Object> overrides() {
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (epochs != null) {
            overrides.put("training.epochs", checkedEpochs());
        }
        if (seeds != null && !seeds.isEmpty()) {
            overrides.put("training.seeds", seeds);
        }
        return overrides;
    }

    /** Trains the config's sweep, or resumes the sweep folder given to --resume; empty when neither is a sweep. */
    private Optional<SweepResult> sweep(Sweeps sweeps, RunOptions options, PrintWriter out) {
        if (resume != null && Sweeps.isSweepFolder(resume)) {
            if (epochs != null || seeds != null) {
                throw new TrainscopeException("--epochs and --seed cannot change a sweep being resumed; it continues "
                        + "with the settings it started with");
            }
            return Optional.of(sweeps.resume(resume, options, new SweepConsole(out)));
        }
        Optional<SweepPlan> plan = config == null ? Optional.empty() : sweeps.plan(config, overrides());
        return plan.map(p -> sweeps.run(p, options, new SweepConsole(out)));
    }

    /** Prints a sweep's table; the exit status counts every run, as for several seeds. */
    private int status(PrintWriter out, SweepResult result) {
        new SweepConsole(out).print(result);
        out.flush();
        Optional<String> tripped = failOn == null ? Optional.empty() : new FailOn(failOn).tripped(result);
        return result.anyFailed() | explain(tripped) ? TrainscopeCli.FAILED : TrainscopeCli.OK;
    }

    /** Says on standard error which finding tripped {@code --fail-on}; true if one did. */
    private boolean explain(Optional<String> tripped) {
        tripped.ifPresent(line -> {
            spec.commandLine().getErr().println(line);
            spec.commandLine().getErr().flush();
        });
        return tripped.isPresent();
    }
}
