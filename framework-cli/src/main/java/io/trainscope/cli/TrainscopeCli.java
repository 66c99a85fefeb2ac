package io.trainscope.cli;

import io.trainscope.api.data.DataException;
import io.trainscope.cli.env.BlasThreads;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.run.OutputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * The {@code trainscope} command line: a thin layer over the Java API. Exit status 0 on success,
 * 1 for a failed run or a finding at {@code --fail-on}, 2 for bad input (a config, a plugin name,
 * a data file), printed as one line without a stack trace.
 */
@Command(name = "trainscope", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Trains deep networks, watches them from the inside, and says what is wrong.",
        subcommands = {TrainCommand.class, DiagnoseCommand.class, EvaluateCommand.class, ReportCommand.class,
                GradcheckCommand.class, PluginsCommand.class, CompareCommand.class, ActivationsCommand.class,
                EnvCommand.class, BenchCommand.class, ExampleCommand.class, CommandLine.HelpCommand.class})
public final class TrainscopeCli implements Runnable {

    /** Exit status of a successful command. */
    public static final int OK = 0;
    /** Exit status of a failed run, or of a finding at or above {@code --fail-on}. */
    public static final int FAILED = 1;
    /** Exit status of bad input. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/trainscope/cli/logback-cli.xml");
        }
        // the log level must be chosen before the first logger exists (commands create theirs on loading)
        if (Arrays.asList(args).contains("-q") || Arrays.asList(args).contains("--quiet")) {
            Logging.errorsOnlyFromStart();
        } else if (args.length > 0 && args[0].equals("bench")) {
            Logging.warningsOnly();
        }
        BlasThreads.apply(System.getenv());   // the calibrated BLAS threads, if the launcher set them (after ND4J loads)
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (for tests and embedding). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured picocli command line. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TrainscopeCli());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.getSubcommands().get("example").setStopAtPositional(true);   // an example's own options follow its name
        cl.setExitCodeExceptionMapper(e -> !(e instanceof OutputException) && (e instanceof TrainscopeException
                || e instanceof DataException || e instanceof CommandLine.ParameterException) ? BAD_INPUT : FAILED);
        cl.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("trainscope: error: " + UsageErrors.oneLine(e));
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof OutputException) {   // a full disk: the run failed, the input was fine
                err.println("trainscope: error: " + e.getMessage());
                err.flush();
                return FAILED;
            }
            if (e instanceof TrainscopeException || e instanceof DataException) {
                err.println("trainscope: error: " + e.getMessage());
                err.flush();
                return BAD_INPUT;
            }
            err.println("trainscope: internal error: " + e);
            e.printStackTrace(err);
            err.flush();
            return FAILED;
        });
        return cl;
    }
}
