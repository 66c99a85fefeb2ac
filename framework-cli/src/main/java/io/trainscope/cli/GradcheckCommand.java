package io.trainscope.cli;

import io.trainscope.core.Trainscope;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.gradcheck.GradientCheck;
import io.trainscope.core.gradcheck.GradientCheckOptions;
import io.trainscope.core.gradcheck.GradientCheckReport;
import io.trainscope.core.gradcheck.GradientCheckTable;
import io.trainscope.core.gradcheck.TensorCheck;
import io.trainscope.core.run.RunFolder;
import io.trainscope.core.sweep.PlannedRun;
import io.trainscope.core.sweep.Sweeps;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code trainscope gradcheck CONFIG|RUN_DIR}: backpropagation against central differences, tensor by tensor. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = {"Checks the gradients of a config's network: the network train builds (every activation, "
                + "initializer and normalizer plugin through trainscope's layers), on the first examples of its training "
                + "split, in float64. DL4J's backpropagation is compared with central differences of the loss for "
                + "sampled entries of every parameter tensor, and the float32 network's gradients with the float64 "
                + "ones. Dropout, weight decay and gradient clipping are off for the check. A sweep: every run's "
                + "network.",
                "Exit status: 0 every tensor agrees, 1 a tensor disagrees (named on standard error), 2 bad input."})
final class GradcheckCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", paramLabel = "CONFIG|RUN_DIR",
            description = "An experiment config (YAML), or a run folder (its config.yaml is checked).")
    Path input;

    @CommandLine.Option(names = "--examples", paramLabel = "N", defaultValue = "" + GradientCheckOptions.DEFAULT_EXAMPLES,
            description = "Training examples in the batch, from the start of the split (default: ${DEFAULT-VALUE}).")
    int examples;

    @CommandLine.Option(names = "--entries", paramLabel = "N", defaultValue = "" + GradientCheckOptions.DEFAULT_ENTRIES,
            description = "Entries checked per tensor: all of a smaller one; of a larger one the largest gradient and a "
                    + "seeded sample (default: ${DEFAULT-VALUE}).")
    int entries;

    @CommandLine.Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the sample of entries; the weights come from the config's first seed "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Option(names = "--epsilon", paramLabel = "H", defaultValue = "" + GradientCheckOptions.DEFAULT_EPSILON,
            description = "Step of the central difference, in (0, 0.1] (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @CommandLine.Option(names = "--rtol", paramLabel = "R", defaultValue = "" + GradientCheckOptions.DEFAULT_RTOL,
            description = "Relative tolerance, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double rtol;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        GradientCheckOptions options = options();
        Path config = configFile();
        try (Logging.Quiet ignored = Logging.errorsOnly()) {
            Trainscope trainscope = Trainscope.create();
            List<ResolvedExperiment> experiments = trainscope.get(Sweeps.class).plan(config, Map.of())
                    .map(plan -> plan.runs().stream().map(PlannedRun::experiment).toList())
                    .orElseGet(() -> List.of(trainscope.resolve(config)));
            PrintWriter out = spec.commandLine().getOut();
            List<String> failures = new ArrayList<>();
            for (ResolvedExperiment experiment : experiments) {
                GradientCheckReport report = trainscope.get(GradientCheck.class).run(experiment, options);
                out.print(GradientCheckTable.render(report));
                out.println();
                out.flush();
                if (!report.passed()) {
                    failures.add((experiments.size() > 1 ? report.name() + ": " : "") + failure(report));
                }
            }
            if (experiments.size() > 1) {
                out.println("sweep: " + experiments.size() + " runs checked, " + (experiments.size() - failures.size())
                        + " pass");
                out.flush();
            }
            if (failures.isEmpty()) {
                return TrainscopeCli.OK;
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("trainscope: gradient check failed: " + String.join("; ", failures));
            err.flush();
            return TrainscopeCli.FAILED;
        }
    }

    private static String failure(GradientCheckReport report) {
        if (!report.checkable()) {
            return "the loss at the initial weights is " + report.loss() + "; nothing to compare";
        }
        if (report.inconclusive()) {
            return "inconclusive at " + report.failing().stream().map(TensorCheck::name).collect(Collectors.joining(", "))
                    + ": difference quotients cannot judge most failing entries (rounding noise or relu kinks within --epsilon)";
        }
        return report.failing().stream().map(TensorCheck::name).collect(Collectors.joining(", ")) + " disagree"
                + (report.failing().size() == 1 ? "s" : "") + " with the central difference";
    }

    private GradientCheckOptions options() {
        if (examples < 1) {
            throw new TrainscopeException("--examples must be at least 1, got " + examples);
        }
        if (entries < 1) {
            throw new TrainscopeException("--entries must be at least 1, got " + entries);
        }
        if (!(epsilon > 0 && epsilon <= 0.1)) {
            throw new TrainscopeException("--epsilon must be in (0, 0.1], got " + epsilon + "; 1e-6 suits float64");
        }
        if (!(rtol > 0 && rtol < 1)) {
            throw new TrainscopeException("--rtol must be in (0, 1), got " + rtol);
        }
        return new GradientCheckOptions(examples, entries, seed, epsilon, rtol);
    }

    private Path configFile() {
        if (Files.isDirectory(input)) {
            Path config = input.resolve(RunFolder.CONFIG);
            if (!Files.isRegularFile(config)) {
                throw new TrainscopeException(input + " is a folder without " + RunFolder.CONFIG
                        + "; give a config file or a run folder that trainscope train wrote");
            }
            return config;
        }
        if (!Files.isRegularFile(input)) {
            throw new TrainscopeException(input + ": no such file or folder; give a config (YAML) or a run folder");
        }
        return input;
    }
}
