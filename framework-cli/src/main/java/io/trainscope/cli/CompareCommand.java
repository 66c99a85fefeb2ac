package io.trainscope.cli;

import io.trainscope.report.ComparisonTable;
import io.trainscope.report.RunData;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code trainscope compare RUN_DIR...}: runs side by side as a table in the terminal. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares runs side by side: outcome, epochs, final and test metrics, health figures at "
                + "initialization (initial loss, gradient ratio, variance product) and findings by severity.",
                "For charts of the same runs overlaid, use 'trainscope report RUN_DIR RUN_DIR ...'."})
final class CompareCommand implements Callable<Integer> {

    @CommandLine.Parameters(arity = "2..*", paramLabel = "RUN_DIR", description = "Two or more run folders.")
    List<Path> runs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<RunData> data = runs.stream().map(RunData::read).toList();
        out.print(ComparisonTable.text(data));
        out.flush();
        return TrainscopeCli.OK;
    }
}
