package io.trainscope.examples.plugins;

import io.trainscope.testkit.ActivationChecks;
import io.trainscope.testkit.PluginConventions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A third-party activation's tests, as the README shows them: the testkit's checks, one line each. */
class SoftsignActivationTest {

    @Test
    void keepsThePluginConventions() {
        assertThat(PluginConventions.violations(new SoftsignActivation())).isEmpty();
    }

    @Test
    void derivativeMatchesACentralDifference() {
        ActivationChecks.assertDerivativeMatchesCentralDifference(new SoftsignActivation());
    }

    @Test
    void staysFiniteAndPreciseUpToAHundred() {
        ActivationChecks.assertStableOverRange(new SoftsignActivation());
    }
}
