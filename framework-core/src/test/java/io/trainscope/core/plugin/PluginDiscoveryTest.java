package io.trainscope.core.plugin;

import io.trainscope.api.activation.Activation;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.plugin.jarred.ShoutingActivation;
import io.trainscope.core.plugin.jarred.ThrowingActivation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginDiscoveryTest {

    @Test
    void findsEveryStandardPluginOfEveryFamily() {
        PluginRegistry registry = TestTrainscope.get().plugins();
        assertThat(registry.names(PluginFamily.INITIALIZER)).contains("normal", "uniform", "zeros", "xavier-normal",
                "xavier-uniform", "he-normal", "he-uniform", "lecun-normal", "torch-default");
        assertThat(registry.names(PluginFamily.ACTIVATION)).contains("sigmoid", "tanh", "relu");
        assertThat(registry.names(PluginFamily.NORMALIZER)).contains("batchnorm", "standardize");
        assertThat(registry.names(PluginFamily.MONITOR)).contains("dead-neurons", "gradient-norms", "non-finite");
        assertThat(registry.names(PluginFamily.DATA_SOURCE)).contains("gaussian-classification", "idx", "csv", "iris",
                "polynomial-regression");
    }

    @Test
    void givesEachRunAFreshMonitorButSharesStatelessPlugins() {
        PluginRegistry registry = TestTrainscope.get().plugins();
        assertThat(registry.get(PluginFamily.MONITOR, "dead-neurons"))
                .isNotSameAs(registry.get(PluginFamily.MONITOR, "dead-neurons"));
        assertThat(registry.get(PluginFamily.ACTIVATION, "relu"))
                .isSameAs(registry.get(PluginFamily.ACTIVATION, "relu"));
    }

    @Test
    void leavesOutAPluginWhoseNameIsNotLowerCaseHyphenated(@TempDir Path dir) throws Exception {
        try (URLClassLoader loader = loaderWithServices(dir, ShoutingActivation.class)) {
            DiscoveredPlugins discovered = PluginDiscovery.discover(loader);
            assertThat(discovered.of(PluginFamily.ACTIVATION)).doesNotContainKey("LOUD_RELU").containsKey("relu");
            assertThat(discovered.unavailable()).singleElement().extracting(UnavailablePlugin::describe)
                    .isEqualTo("the activation 'LOUD_RELU' (" + ShoutingActivation.class.getName() + " from "
                            + ServiceEntries.sourceOf(ShoutingActivation.class) + ") cannot be used: its name "
                            + "'LOUD_RELU' is not lower-case words joined by hyphens, like 'he-normal'; fix the plugin "
                            + "or remove " + ServiceEntries.sourceOf(ShoutingActivation.class) + " from the classpath");
        }
    }

    @Test
    void discoveryHasNoOpinionOnBrokenPluginsThePolicyDecides(@TempDir Path dir) throws Exception {
        try (URLClassLoader loader = loaderWithServices(dir, ThrowingActivation.class)) {
            DiscoveredPlugins discovered = PluginDiscovery.discover(loader);
            assertThat(discovered.unavailable(PluginFamily.ACTIVATION)).extracting(UnavailablePlugin::className)
                    .containsExactly(ThrowingActivation.class.getName());
            assertThat(discovered.unavailable(PluginFamily.MONITOR)).isEmpty();
            assertThatThrownBy(() -> PluginErrorPolicy.FAIL.apply(discovered, w -> { }))
                    .isInstanceOf(PluginException.class)
                    .hasMessageContaining("its constructor threw IllegalStateException: no license key");
        }
    }

    /** A class loader that sees the test classpath plus one more services file listing {@code plugin}. */
    private static URLClassLoader loaderWithServices(Path dir, Class<?> plugin) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(Activation.class.getName()), plugin.getName() + "\n");
        return new URLClassLoader(new URL[]{dir.toUri().toURL()}, PluginDiscoveryTest.class.getClassLoader());
    }
}
