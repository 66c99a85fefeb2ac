package io.trainscope.cli;

import io.trainscope.api.data.DataException;
import io.trainscope.api.internal.Suggestions;
import io.trainscope.cli.example.ExampleCatalogue;
import io.trainscope.core.TrainscopeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code trainscope example [NAME [ARGS...]]}: lists the runnable examples, or runs one. The
 * examples come from the examples jar's catalogue ({@link ExampleCatalogue}); the launcher builds
 * that jar when needed and puts it on the classpath. Everything after NAME goes to the example.
 */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = {"Runs one of the examples that reproduce the seed notebooks' experiments and prints the table "
                + "or finding the seed shows; without NAME, lists them. Arguments after NAME go to the example "
                + "(each takes --help).",
                "Exit status: 0 success, 2 bad input (an unknown example, a missing data folder, a bad argument)."})
final class ExampleCommand implements Callable<Integer> {

    /** The system property examples read to find the repository's configs and data. */
    static final String HOME = "trainscope.home";

    @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The example to run.")
    String name;

    @CommandLine.Parameters(index = "1..*", arity = "0..*", paramLabel = "ARGS",
            description = "Arguments for the example.")
    List<String> arguments = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ExampleCatalogue catalogue = ExampleCatalogue.load(Thread.currentThread().getContextClassLoader());
        if (catalogue.isEmpty()) {
            throw new TrainscopeException("no examples on the classpath; run them through ./trainscope example, "
                    + "which builds the examples jar when needed, or put examples/target/trainscope-examples-*.jar "
                    + "and its dependencies on the classpath");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            list(catalogue, out);
            return TrainscopeCli.OK;
        }
        ExampleCatalogue.Entry entry = catalogue.get(name).orElse(null);
        if (entry == null) {
            throw new TrainscopeException("unknown example '" + name + "'" + Suggestions.didYouMean(name, catalogue.names())
                    + "; examples: " + String.join(", ", catalogue.names()) + " ('trainscope example' describes them)");
        }
        return run(entry);
    }

    private static void list(ExampleCatalogue catalogue, PrintWriter out) {
        out.println("examples (./trainscope example NAME [ARGS...]; NAME --help for an example's arguments):");
        int width = catalogue.names().stream().mapToInt(String::length).max().orElse(0);
        for (ExampleCatalogue.Entry e : catalogue.entries()) {
            out.printf("  %-" + width + "s  %s%n", e.name(), e.description());
        }
        out.flush();
    }

    private int run(ExampleCatalogue.Entry entry) {
        String launcher = System.getProperty("trainscope.launcher");
        if (System.getProperty(HOME) == null && launcher != null) {
            System.setProperty(HOME, Path.of(launcher).toAbsolutePath().getParent().toString());
        }
        Method main = mainMethod(entry);
        try {
            main.invoke(null, (Object) arguments.toArray(String[]::new));
            return TrainscopeCli.OK;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(entry.mainClass() + ".main is not accessible", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TrainscopeException || cause instanceof DataException
                    || cause instanceof IllegalArgumentException) {
                throw new TrainscopeException("example " + entry.name() + ": " + cause.getMessage(), cause);
            }
            if (cause instanceof IOException || cause instanceof UncheckedIOException) {
                throw new TrainscopeException("example " + entry.name() + ": " + cause.getMessage(), cause);
            }
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
    }

    private static Method mainMethod(ExampleCatalogue.Entry entry) {
        try {
            Class<?> type = Class.forName(entry.mainClass(), true, Thread.currentThread().getContextClassLoader());
            Method main = type.getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers())) {
                throw new NoSuchMethodException("main is not static");
            }
            return main;
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new TrainscopeException("example '" + entry.name() + "' names " + entry.mainClass()
                    + ", which has no public static main(String[]) on the classpath (" + e.getMessage()
                    + "); rebuild the examples jar");
        }
    }
}
