package io.trainscope.testkit;

import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.plugin.ParameterException;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.ParameterType;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.api.plugin.Plugin;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginConventionsTest {

    private static final String WHO = "io.trainscope.testkit.PluginConventionsTest$FakePlugin";
    private static final String NOT_A_NAME = "is not lower-case words joined by hyphens, like 'he-normal' or 'saturation-eps'";

    /** A plugin made of its declarations; {@code validator} plays {@link Plugin#validate}. */
    private record FakePlugin(String name, String description, List<ParameterSpec> parameters,
                              Consumer<Parameters> validator) implements Plugin {
        FakePlugin(String name, String description, ParameterSpec... parameters) {
            this(name, description, List.of(parameters), p -> { });
        }

        @Override
        public void validate(Parameters params) {
            validator.accept(params);
        }
    }

    private static final Consumer<Parameters> LOW_BELOW_HIGH = p -> {
        if (p.real("low") >= p.real("high")) {
            throw new ParameterException("high", "must be greater than low (got " + p.real("high") + ")");
        }
    };

    @Test
    void findsNothingWrongWithAPluginThatKeepsEveryConvention() {
        Plugin plugin = new FakePlugin("xavier-uniform2", "one line",
                ParameterSpec.real("gain", 1.0, "scale").greaterThan(0),
                ParameterSpec.integer("seed", -1, "seed").atLeast(-1),
                ParameterSpec.bool("bias", true, "with an intercept"),
                ParameterSpec.choice("fan-mode", "in", List.of("in", "out"), "which fan"),
                ParameterSpec.text("label-column", "", "empty means the last"),
                ParameterSpec.realList("weights", List.of(2.0, -1.0), "coefficients"));

        assertThat(PluginConventions.violations(plugin)).isEmpty();
    }

    @Test
    void namesAPluginNameThatConfigsCannotUse() {
        for (String name : List.of("He_Normal", "heNormal", "2-layer", "he--normal", "he-normal-", "")) {
            assertThat(PluginConventions.violations(new FakePlugin(name, "one line")))
                    .containsExactly(WHO + ": name '" + name + "' " + NOT_A_NAME);
        }
    }

    @Test
    void namesAMissingOrBlankDescription() {
        assertThat(PluginConventions.violations(new FakePlugin("normal", " ")))
                .containsExactly(WHO + ": the description is blank; give one line for 'trainscope plugins'");
        assertThat(PluginConventions.violations(new FakePlugin("normal", null)))
                .containsExactly(WHO + ": the description is blank; give one line for 'trainscope plugins'");
    }

    @Test
    void namesEachBadlyDeclaredParameter() {
        Plugin plugin = new FakePlugin("normal", "one line",
                ParameterSpec.real("Std", 1.0, "standard deviation"),
                ParameterSpec.real("mean", 0.0, ""),
                ParameterSpec.real("mean", 0.0, "again"));

        assertThat(PluginConventions.violations(plugin)).containsExactly(
                WHO + ": parameter 'Std': the name " + NOT_A_NAME,
                WHO + ": parameter 'mean': the description is blank; give one line for 'trainscope plugins'",
                WHO + ": parameter 'mean' is declared twice");
    }

    @Test
    void namesADefaultOutsideItsOwnRangeWithTheAllowedValues() {
        Plugin plugin = new FakePlugin("normal", "one line",
                ParameterSpec.real("std", -1.0, "standard deviation").greaterThan(0),
                ParameterSpec.real("eps", Double.NaN, "tolerance").atLeast(0),
                ParameterSpec.integer("samples", 0, "examples").between(1, 100));

        assertThat(PluginConventions.violations(plugin)).hasSize(3).startsWith(
                WHO + ": parameter 'std': the declared default is refused: must be a number > 0, got -1.0",
                WHO + ": parameter 'eps': the declared default is refused: must be a finite number (a number >= 0), got NaN");
        assertThat(PluginConventions.violations(plugin).get(2))
                .startsWith(WHO + ": parameter 'samples': the declared default is refused: must be an integer in [1, 100], got 0");
    }

    @Test
    void namesAChoiceDefaultThatIsNotAmongTheChoices() {
        Plugin plugin = new FakePlugin("he-normal", "one line", new ParameterSpec("fan-mode", ParameterType.CHOICE,
                "both", "which fan", null, false, null, false, List.of("in", "out")));

        assertThat(PluginConventions.violations(plugin)).containsExactly(
                WHO + ": parameter 'fan-mode': the declared default is refused: must be one of in, out, got 'both'");
    }

    @Test
    void namesADefaultOfTheWrongType() {
        Plugin plugin = new FakePlugin("normal", "one line", new ParameterSpec("std", ParameterType.REAL,
                "one", "standard deviation", null, false, null, false, List.of()));

        assertThat(PluginConventions.violations(plugin))
                .containsExactly(WHO + ": parameter 'std': the declared default is refused: must be a number, got 'one'");
    }

    @Test
    void namesDefaultsThatThePluginsOwnValidateRefuses() {
        Plugin plugin = new FakePlugin("uniform", "one line", List.of(
                ParameterSpec.real("low", 0.5, "lower bound"), ParameterSpec.real("high", 0.1, "upper bound")),
                LOW_BELOW_HIGH);

        assertThat(PluginConventions.violations(plugin)).containsExactly(
                WHO + ": validate() refuses the declared defaults: parameter 'high' must be greater than low (got 0.1)");
    }

    @Test
    void leavesValidateOutWhenAParameterIsRequiredSinceThereAreNoDefaultsToTry() {
        Plugin plugin = new FakePlugin("csv", "one line", List.of(ParameterSpec.text("path", null, "the file")),
                p -> {
                    throw new ParameterException("path", "validate must not run");
                });

        assertThat(PluginConventions.violations(plugin)).isEmpty();
    }

    @Test
    void letsAnExceptionOtherThanAParameterExceptionFromValidateThroughAsTheBugItIs() {
        Plugin plugin = new FakePlugin("normal", "one line", List.of(), p -> p.real("std"));

        assertThatThrownBy(() -> PluginConventions.violations(plugin))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no parameter 'std'");
    }

    /** A monitor made of its declarations. */
    private record FakeMonitor(List<Metric> metrics, Sampling sampling) implements Monitor {
        @Override
        public String name() {
            return "weight-scale";
        }

        @Override
        public String description() {
            return "one line";
        }

        @Override
        public Sampling sampling(Parameters params) {
            if (sampling == null) {
                throw new IllegalArgumentException("no schedule for these parameters");
            }
            return sampling;
        }
    }

    @Test
    void namesAMonitorsMetricDeclaredTwiceOrDrawnAgainstAnUndeclaredOne() {
        Metric rms = Metric.layer("layer.weight.rms", "rms", "root mean square");
        Metric ratio = Metric.network("weight.rms.ratio", "ratio", "largest / smallest")
                .drawn(Drawing.of(Chart.VALUE).against("weight.rms.expected"));
        String who = "io.trainscope.testkit.PluginConventionsTest$FakeMonitor";

        assertThat(PluginConventions.violations(new FakeMonitor(List.of(rms, ratio), Sampling.none())))
                .containsExactly(who + ": metric 'weight.rms.ratio' is drawn against 'weight.rms.expected', which "
                        + "metrics() does not declare");
        assertThat(PluginConventions.violations(new FakeMonitor(List.of(rms, rms), Sampling.none())))
                .containsExactly(who + ": metric 'layer.weight.rms' is declared twice");
        assertThat(PluginConventions.violations(new FakeMonitor(List.of(rms), null)))
                .containsExactly(who + ": sampling(defaults) refuses the declared defaults: no schedule for these "
                        + "parameters");
    }
}
