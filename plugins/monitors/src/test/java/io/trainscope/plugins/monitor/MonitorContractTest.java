package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.SamplingParameters;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.testkit.PluginConventions;
import io.trainscope.testkit.ServiceFiles;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("monitors")
    void takesItsSamplingParametersFromTheSharedSetUnchanged(Monitor monitor) {
        for (ParameterSpec spec : monitor.parameters()) {
            if (spec.name().equals(SamplingParameters.EVERY) || spec.name().equals(SamplingParameters.EVERY_EPOCHS)) {
                int d = ((Number) spec.defaultValue()).intValue();
                List<ParameterSpec> shared = List.of(SamplingParameters.iterations(d, d, View.ACTIVATIONS).specs().get(0),
                        SamplingParameters.iterations(d, d, View.ACTIVATIONS).specs().get(1),
                        SamplingParameters.datasetPass(Math.max(1, d)).specs().get(0));
                assertThat(shared).as("%s's %s", monitor.name(), spec.name()).contains(spec);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("monitors")
    void decidesItsSamplingFromItsParametersAloneBeforeAnyRun(Monitor monitor) {
        Parameters defaults = Parameters.defaults(monitor);
        Sampling fresh = monitor.sampling(defaults);

        assertThat(fresh).isNotNull().isEqualTo(monitor.sampling(defaults));
        assertThat(ServiceLoader.load(Monitor.class).stream().map(ServiceLoader.Provider::get)
                .filter(m -> m.name().equals(monitor.name())).findFirst().orElseThrow().sampling(defaults))
                .as("a fresh instance that never saw a run").isEqualTo(fresh);
    }

    @Test
    void everyIterationMonitorSamplesWhatItsEveryParameterSays() {
        monitors().map(Named::getPayload)
                .filter(m -> m.parameters().stream().anyMatch(p -> p.name().equals(SamplingParameters.EVERY)))
                .forEach(m -> {
                    Sampling s = m.sampling(Parameters.resolve(m, Map.of(SamplingParameters.EVERY, 7,
                            SamplingParameters.EVERY_EPOCHS, 2)));
                    assertThat(s.everyIterations()).as(m.name()).isEqualTo(7);
                    assertThat(s.everyEpochs()).as(m.name()).isEqualTo(2);
                    assertThat(s.samples(14, 0, false)).as(m.name()).isTrue();
                    assertThat(s.samples(15, 2, true)).as(m.name()).isTrue();
                    assertThat(s.samples(15, 1, true)).as(m.name()).isFalse();
                });
    }

    @Test
    void onlyTheDeadNeuronMonitorAsksForAFullPassAndNonFiniteForNonFiniteLosses() {
        List<String> passes = monitors().map(Named::getPayload)
                .filter(m -> m.sampling(Parameters.defaults(m)).wantsDatasetPass()).map(Monitor::name).toList();
        List<String> losses = monitors().map(Named::getPayload)
                .filter(m -> m.sampling(Parameters.defaults(m)).whenLossNotFinite()).map(Monitor::name).toList();

        assertThat(passes).containsExactly("dead-neurons");
        assertThat(losses).containsExactly("non-finite");
    }

    @Test
    void noTwoMonitorsDeclareTheSameMetric() {
        List<String> names = monitors().flatMap(n -> n.getPayload().metrics().stream()).map(Metric::name).toList();

        assertThat(names).doesNotHaveDuplicates().isNotEmpty();
    }
}
