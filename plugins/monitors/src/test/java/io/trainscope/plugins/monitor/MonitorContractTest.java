package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.testkit.PluginConventions;
import io.trainscope.testkit.ServiceFiles;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The conventions every monitor {@link ServiceLoader} finds must keep. */
class MonitorContractTest {

    /** The names the report generator and the docs refer to. */
    private static final List<String> NAMES = List.of("dead-neurons", "gradient-norms", "histograms", "initial-loss",
            "non-finite", "saturation", "symmetry", "update-ratio", "variance-flow");

    static Stream<Named<Monitor>> monitors() {
        return ServiceLoader.load(Monitor.class).stream().map(ServiceLoader.Provider::get).map(m -> Named.of(m.name(), m));
    }

    @Test
    void servicesFileListsEveryMonitorClassOfThePackage() throws Exception {
        assertThat(ServiceFiles.registered(Monitor.class))
                .isEqualTo(ServiceFiles.implementationsNextTo(HistogramsMonitor.class, Monitor.class));
    }

    @Test
    void theDocumentedMonitorsAreThereUnderUniqueNames() {
        List<String> names = monitors().map(n -> n.getPayload().name()).toList();

        assertThat(names).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(NAMES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("monitors")
    void hasALowerCaseHyphenatedNameADescriptionAndDefaultsInRange(Monitor monitor) {
        assertThat(PluginConventions.violations(monitor)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("monitors")
    void declaresItsParametersWithDefaults(Monitor monitor) {
        assertThat(Parameters.defaults(monitor).asMap().keySet())
                .containsExactlyElementsOf(monitor.parameters().stream().map(p -> p.name()).toList());
    }
}
