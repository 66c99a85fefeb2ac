package io.trainscope.cli;

import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Scope;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.core.Trainscope;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.plugin.DiscoveredPlugin;
import io.trainscope.core.plugin.PluginFamily;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code trainscope plugins}: every discovered plugin with its family, description and parameters,
 * and for monitors the metrics they declare.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists every plugin on the classpath: family, name, description, parameters with defaults, "
                + "and the metrics each monitor declares.")
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
        List<DiscoveredPlugin<?>> all = Trainscope.create().plugins().all();
        for (PluginFamily<?> f : PluginFamily.ALL) {
            if (family != null && !f.id().equals(family)) {
                continue;
            }
            List<DiscoveredPlugin<?>> ofFamily = all.stream().filter(p -> p.family() == f).toList();
            out.printf("%s (%d)%n", f.plural(), ofFamily.size());
            for (DiscoveredPlugin<?> p : ofFamily) {
                out.printf("  %-24s %s%n", p.name(), p.prototype().description());
                for (ParameterSpec s : p.prototype().parameters()) {
                    out.printf("      %s%n        %s%n", s.summary(), s.description());
                }
                if (p.prototype() instanceof Monitor m) {
                    for (Metric metric : m.metrics()) {
                        out.printf("      metric %s [%s, %s, %s]%n        %s%n", metric.name(), metric.unit(),
                                metric.scope() == Scope.LAYER ? "per layer" : "network", metric.drawing().chart().id(),
                                metric.description());
                    }
                }
                if (classes) {
                    out.printf("      class %s from %s%n", p.type().getName(), p.location());
                }
            }
            out.println();
        }
        out.flush();
        return TrainscopeCli.OK;
    }
}
