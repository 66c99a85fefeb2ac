package com.example.trainscope;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.testkit.ActivationChecks;
import io.trainscope.testkit.PluginConventions;
import io.trainscope.testkit.ServiceFiles;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** An activation's tests: the testkit's one-liners, and one value the Javadoc promises. */
class LecunTanhActivationTest {

    private final LecunTanhActivation f = new LecunTanhActivation();

    @Test
    void keepsThePluginConventions() {
        PluginConventions.assertFollowed(f);
    }

    @Test
    void isRegisteredInMetaInfServices() throws Exception {
        ServiceFiles.assertEveryImplementationRegistered(LecunTanhActivation.class, Activation.class);
    }

    @Test
    void derivativeMatchesACentralDifference() {
        ActivationChecks.assertDerivativeMatchesCentralDifference(f);
    }

    @Test
    void staysFiniteAndPreciseUpToAHundred() {
        ActivationChecks.assertStableOverRange(f);
    }

    @Test
    void mapsPlusAndMinusOneToThemselvesWithinAThousandth() {
        double[] a = f.apply(Nd4j.createFromArray(-1.0, 1.0), Parameters.empty()).toDoubleVector();
        assertArrayEquals(new double[]{-1.0, 1.0}, a, 1e-3);
    }
}
