package io.trainscope.core.plugin;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.TestTrainscope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginDiscoveryTest {

    /** An identity activation with a given name: the shape of every fake plugin below. */
    abstract static class FakeActivation implements Activation {
        private final String name;
        private final String description;

        FakeActivation(String name, String description) {
            this.name = name;
            this.description = description;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public INDArray apply(INDArray z, Parameters params) {
            return z;
        }

        @Override
        public INDArray derivative(INDArray z, Parameters params) {
            return z;
        }
    }

    /** A second plugin that claims the name of the standard sigmoid. */
    public static final class ImpostorSigmoid extends FakeActivation {
        public ImpostorSigmoid() {
            super("sigmoid", "an impostor");
        }
    }

    /** A plugin whose name breaks the naming rule. */
    public static final class Shouting extends FakeActivation {
        public Shouting() {
            super("LOUD_RELU", "bad name");
        }
    }

    /** A plugin that fails while being constructed. */
    public static final class Broken extends FakeActivation {
        public Broken() {
            super("broken", "broken");
            throw new IllegalStateException("no license key");
        }
    }

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
    void rejectsTwoPluginsWithTheSameNameNamingBothClasses(@TempDir Path dir) throws Exception {
        try (URLClassLoader loader = loaderWithServices(dir, ImpostorSigmoid.class)) {
            assertThatThrownBy(() -> PluginDiscovery.discover(loader))
                    .isInstanceOf(PluginException.class)
                    .hasMessageContaining("two activations are named 'sigmoid': ")
                    .hasMessageContaining("io.trainscope.plugins.activation.SigmoidActivation")
                    .hasMessageContaining(ImpostorSigmoid.class.getName())
                    .hasMessageEndingWith("remove one of them from the classpath or rename it");
        }
    }

    @Test
    void rejectsANameThatIsNotLowerCaseHyphenated(@TempDir Path dir) throws Exception {
        try (URLClassLoader loader = loaderWithServices(dir, Shouting.class)) {
            assertThatThrownBy(() -> PluginDiscovery.discover(loader))
                    .hasMessage("the activation " + Shouting.class.getName() + " has the name 'LOUD_RELU'; plugin names "
                            + "must be lower-case words joined by hyphens, like 'he-normal'");
        }
    }

    @Test
    void namesAPluginWhoseConstructorFails(@TempDir Path dir) throws Exception {
        try (URLClassLoader loader = loaderWithServices(dir, Broken.class)) {
            assertThatThrownBy(() -> PluginDiscovery.discover(loader))
                    .hasMessageContaining("the activation " + Broken.class.getName() + " could not be created: ")
                    .hasMessageContaining("no license key");
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
