package io.trainscope.core.gradcheck;

import io.trainscope.core.ForgottenSquareTanh;
import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.plugin.PluginFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one-line network check for an activation plugin's tests passes standard activations and names a wrong one's tensors. */
class ActivationNetworkCheckTest {

    private static Activation standard(String name) {
        return TestTrainscope.get().plugins().get(PluginFamily.ACTIVATION, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tanh", "swish", "prelu"})
    void standardActivationsPass(String name) {
        assertThatCode(() -> ActivationNetworkCheck.assertGradientsMatch(standard(name))).doesNotThrowAnyException();
    }

    @Test
    void theLearnableSlopeIsCheckedToo() {
        Activation prelu = standard("prelu");
        GradientCheckReport report = ActivationNetworkCheck.check(prelu, Parameters.resolve(prelu,
                Map.of("slopes", "per-unit")));
        assertThat(report.passed()).isTrue();
        assertThat(report.tensors()).extracting(TensorCheck::name).contains("hidden-0 prelu W", "hidden-1 prelu W");
        assertThat(report.tensor("hidden-1 prelu W").checked()).isEqualTo(5);
    }

    @Test
    void aWrongDerivativeFailsNamingTheTensorsOfItsLayersAndBelow() {
        ForgottenSquareTanh broken = new ForgottenSquareTanh();

        assertThat(ActivationNetworkCheck.mismatches(broken, Parameters.empty())).hasSize(4).first().asString()
                .startsWith("'forgotten-square-tanh' (io.trainscope.core.ForgottenSquareTanh)"
                        + " in a 4-6-5-3 network on iris: the gradient of hidden-0 W disagrees with the central difference "
                        + "of the loss at ");
        assertThatThrownBy(() -> ActivationNetworkCheck.assertGradientsMatch(broken)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("hidden-1 b disagrees").hasMessageNotContaining("output");
    }
}
