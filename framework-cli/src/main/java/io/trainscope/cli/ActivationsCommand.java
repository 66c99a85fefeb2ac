package io.trainscope.cli;

import io.trainscope.api.activation.Activation;
import io.trainscope.core.Trainscope;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.activation.ActivationProfile;
import io.trainscope.core.activation.ProfileRange;
import io.trainscope.core.config.PluginLookup;
import io.trainscope.core.config.PluginRef;
import io.trainscope.core.plugin.Configured;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.report.ActivationTable;
import io.trainscope.report.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code trainscope activations [NAME[:PARAMETER=VALUE,...]...] [--out FILE]}: draws activations
 * and their derivatives (seed 003's first figure) into an HTML page and prints the table of their
 * shapes. Parameters are checked against the plugin's declarations like a config's.
 */
@Command(name = "activations", mixinStandardHelpOptions = true,
        description = {"Draws each activation and its derivative on [-5, 5] as a grid of small charts in one HTML page "
                + "(--out) and prints a table: output range, maximum of the derivative, where the derivative is below 0.01 "
                + "(saturation), monotonic or not, zero-centred or not.",
                "Without NAMES: every activation on the classpath, with its default parameters.",
                "Exit status: 0 success, 2 bad input (an unknown activation, a bad parameter)."})
final class ActivationsCommand implements Callable<Integer> {

    /** Where the page goes by default, in the working directory. */
    static final String DEFAULT_OUT = "activations.html";

    @CommandLine.Parameters(arity = "0..*", paramLabel = "NAME[:PARAMETER=VALUE,...]",
            description = "Activations to draw, e.g. relu leaky-relu:negative-slope=0.1 gelu:approximate=tanh.")
    List<String> names;

    @CommandLine.Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = DEFAULT_OUT,
            description = "Where to write the page (default: ${DEFAULT-VALUE}).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (Files.isDirectory(out)) {
            throw new TrainscopeException("--out " + out + " is a directory; give a file name such as "
                    + out.resolve(DEFAULT_OUT));
        }
        Trainscope trainscope = Trainscope.create();
        List<String> wanted = names == null || names.isEmpty()
                ? trainscope.plugins().names(PluginFamily.ACTIVATION) : names;
        PluginLookup lookup = trainscope.get(PluginLookup.class);
        Map<String, ActivationProfile> profiles = new LinkedHashMap<>();
        for (String argument : wanted) {
            PluginRef ref = parse(argument);
            Configured<Activation> activation = lookup.configure(PluginFamily.ACTIVATION, ref, ref.name());
            if (profiles.put(label(ref), profile(activation)) != null) {
                throw new TrainscopeException("activation '" + argument + "' is listed twice; list each once");
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(ActivationTable.text(profiles, ProfileRange.DEFAULT));
        stdout.println("page: " + ReportWriter.writeActivations(profiles, out));
        stdout.flush();
        return TrainscopeCli.OK;
    }

    /**
     * {@code NAME} or {@code NAME:PARAMETER=VALUE[,PARAMETER=VALUE...]} as a plugin reference; values
     * stay text (numbers are read by the parameter's declared type), except {@code true} and {@code false}.
     */
    static PluginRef parse(String argument) {
        int colon = argument.indexOf(':');
        String name = colon < 0 ? argument : argument.substring(0, colon);
        Map<String, Object> params = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String pair : argument.substring(colon + 1).split(",", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw syntax(argument);
                }
                String key = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                Object typed = value.equals("true") || value.equals("false") ? Boolean.valueOf(value) : value;
                if (params.put(key, typed) != null) {
                    throw new TrainscopeException("activation '" + argument + "' sets " + key + " twice; set it once");
                }
            }
        }
        if (name.isBlank()) {
            throw syntax(argument);
        }
        return PluginRef.of(name.strip(), params);
    }

    private static TrainscopeException syntax(String argument) {
        return new TrainscopeException("activation '" + argument + "': write NAME or NAME:PARAMETER=VALUE[,PARAMETER=VALUE...], "
                + "e.g. leaky-relu:negative-slope=0.1");
    }

    private static String label(PluginRef ref) {
        if (ref.params().isEmpty()) {
            return ref.name();
        }
        StringBuilder sb = new StringBuilder(ref.name()).append('(');
        ref.params().forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == '(' ? "" : ", ").append(k).append('=').append(v));
        return sb.append(')').toString();
    }

    private static ActivationProfile profile(Configured<Activation> activation) {
        try {
            return ActivationProfile.of(activation.plugin(), activation.params());
        } catch (IllegalArgumentException e) {
            throw new TrainscopeException(e.getMessage(), e);
        }
    }
}
