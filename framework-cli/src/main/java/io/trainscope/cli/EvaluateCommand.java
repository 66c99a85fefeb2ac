package io.trainscope.cli;

import io.trainscope.core.Trainscope;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.config.DataSpec;
import io.trainscope.core.evaluation.EvaluationReport;
import io.trainscope.core.evaluation.ModelEvaluator;
import io.trainscope.core.run.AtomicFiles;
import io.trainscope.core.run.OutputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code trainscope evaluate RUN_DIR}: measures a run's best model on its test split or on other data. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluates a run's best checkpoint (else its newest) on the run's own test split (its validation "
                + "split when it has none), or on other data (its test part or share, else its training share; the "
                + "output says which): accuracy, per-class precision and recall, confusion matrix (classification); mse, mae "
                + "(regression). Writes RUN_DIR/evaluation.json.",
                "Exit status: 0 success, 2 bad input."})
final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder written by 'trainscope train'.")
    Path run;

    @CommandLine.Option(names = "--data", paramLabel = "DATA",
            description = {"Other data: a YAML file with a 'data:' section, or an inline map such as",
                    "'{source: idx, path: ../shared/datasets/mnist, part: t10k}'. Relative paths resolve against the",
                    "file's directory, or the working directory for an inline map."})
    String data;

    @CommandLine.Option(names = "--force",
            description = "Measure --data whose class names are not the model's (a digits set for a Fashion-MNIST "
                    + "model); without it such data is refused. Data of another shape or class count is always refused.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Trainscope trainscope = Trainscope.create();
        DataSpec dataSpec = data == null ? null : parse(data);
        ModelEvaluator.ModelEvaluation evaluation = trainscope.get(ModelEvaluator.class)
                .evaluate(run, dataSpec, Path.of(System.getProperty("user.home"), ".cache", "trainscope"), force);
        PrintWriter out = spec.commandLine().getOut();
        out.print(EvaluationReport.text(evaluation));
        out.flush();
        Path file = run.resolve("evaluation.json");
        try {
            AtomicFiles.writeString(file, EvaluationReport.json(evaluation));
        } catch (IOException e) {
            throw OutputException.cannotWriteResult(file, e);
        }
        return TrainscopeCli.OK;
    }

    private static DataSpec parse(String data) {
        Path file = Path.of(data);
        ConfigLoader loader = new ConfigLoader();
        if (Files.isRegularFile(file)) {
            return loader.loadData(file);
        }
        if (!data.trim().startsWith("{") && !data.contains(":")) {
            throw new TrainscopeException("--data " + data + " is neither a file nor an inline map like "
                    + "'{source: idx, path: data/mnist}'");
        }
        return loader.parseData(data, "--data", Path.of("").toAbsolutePath());
    }
}
