package com.example.trainscope;

import io.trainscope.api.init.Initializer;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.testkit.InitializerChecks;
import io.trainscope.testkit.PluginConventions;
import io.trainscope.testkit.ServiceFiles;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** An initializer's tests: each is one line of the trainscope testkit. */
class LecunUniformInitializerTest {

    private final LecunUniformInitializer init = new LecunUniformInitializer();

    @Test
    void keepsThePluginConventions() {
        PluginConventions.assertFollowed(init);
    }

    @Test
    void isRegisteredInMetaInfServices() throws Exception {
        ServiceFiles.assertEveryImplementationRegistered(LecunUniformInitializer.class, Initializer.class);
    }

    @Test
    void drawsWithMeanZeroAndVarianceOneOverFanIn() {
        InitializerChecks.assertVarianceFollows(init, fan -> 1.0 / fan.in());
    }

    @Test
    void theGainScalesTheVarianceByItsSquare() {
        InitializerChecks.assertVarianceFollows(init, Parameters.resolve(init, Map.of("gain", 2.0)), fan -> 4.0 / fan.in());
    }
}
