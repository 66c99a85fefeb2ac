package io.trainscope.cli;

import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Scope;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.core.Trainscope;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.plugin.DiscoveredPlugin;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.plugin.PluginRegistry;
import io.trainscope.core.plugin.UnavailablePlugin;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code trainscope plugins}: every discovered plugin with its family, description and parameters,
 * and for monitors the metrics they declare; and every plugin entry that cannot be used, as
 * "broken" with its class, jar and reason.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists every plugin on the classpath: family, name, description, parameters with defaults, "
                + "and the metrics each monitor declares; plugins that cannot be used are listed as broken, with "
                + "their jar and the reason.")
final class PluginsCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--family", paramLabel = "FAMILY",
            description = "Only this family: data-source, initializer, activation, normalizer, monitor.")
    String family;

    @CommandLine.Option(names = "--classes", description = "Also show each plugin's class and where it was loaded from.")
    boolean classes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (family != null && PluginFamily.ALL.stream().noneMatch(f -> f.id().equals(family))) {
            throw new TrainscopeException("unknown plugin family '" + family + "'; families: "
                    + String.join(", ", PluginFamily.ALL.stream().map(PluginFamily::id).toList()));
        }
        PluginRegistry registry = Trainscope.create().plugins();
        List<DiscoveredPlugin<?>> all = registry.all();
        for (PluginFamily<?> f : PluginFamily.ALL) {
            if (family != null && !f.id().equals(family)) {
                continue;
            }
            List<DiscoveredPlugin<?>> ofFamily = all.stream().filter(p -> p.family() == f).toList();
            List<UnavailablePlugin> broken = registry.unavailable().stream().filter(u -> u.family() == f).toList();
            out.printf("%s (%d%s)%n", f.plural(), ofFamily.size(), broken.isEmpty() ? "" : ", " + broken.size() + " broken");
            for (DiscoveredPlugin<?> p : ofFamily) {
                out.printf("  %-24s %s%n", p.name(), p.prototype().description());
                for (ParameterSpec s : p.prototype().parameters()) {
                    out.printf("      %s%n        %s%n", s.summary(), s.description());
                }
                if (p.prototype() instanceof Monitor m) {
                    printMetrics(out, m);
                }
                if (classes) {
                    out.printf("      class %s from %s%n", p.type().getName(), p.location());
                }
            }
            for (UnavailablePlugin u : broken) {
                out.printf("  broken: %s%n", u.describe());
            }
            out.println();
        }
        out.flush();
        return TrainscopeCli.OK;
    }

    /** A monitor's declared metrics: name, unit, scope and chart kind, then the description. */
    private static void printMetrics(PrintWriter out, Monitor monitor) {
        for (Metric metric : monitor.metrics()) {
            out.printf("      metric %s [%s, %s, %s]%n        %s%n", metric.name(), metric.unit(),
                    metric.scope() == Scope.LAYER ? "per layer" : "network", metric.drawing().chart().id(),
                    metric.description());
        }
    }
}
