package io.trainscope.core.plugin;

import io.trainscope.api.activation.Activation;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.Trainscope;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.config.ConfigException;
import io.trainscope.core.config.PluginLookup;
import io.trainscope.core.plugin.jarred.FineActivation;
import io.trainscope.core.plugin.jarred.ImpostorSigmoid;
import io.trainscope.core.plugin.jarred.NeedsArgumentActivation;
import io.trainscope.core.plugin.jarred.ThrowingActivation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Third-party jars with broken service entries, written by the tests: each broken entry is named
 * with its class and its jar, the other plugins still load, and a command fails only when it needs
 * a broken plugin, unless the policy is {@link PluginErrorPolicy#FAIL}.
 */
class BrokenPluginJarsTest {

    private static final String FIX = " from the classpath";

    @TempDir
    Path dir;

    private UnavailablePlugin onlyUnavailable(PluginJar jar) throws Exception {
        try (URLClassLoader loader = PluginJar.loader(jar)) {
            List<UnavailablePlugin> unavailable = PluginDiscovery.discover(loader).unavailable();
            assertThat(unavailable).hasSize(1);
            return unavailable.get(0);
        }
    }

    @Test
    void namesTheJarAndClassOfAnEntryWhoseClassIsMissing() throws Exception {
        Path jar = dir.resolve("acme.jar");
        UnavailablePlugin broken = onlyUnavailable(PluginJar.at(jar).service(Activation.class, "com.acme.Missing"));
        assertThat(broken.describe()).isEqualTo("the activation com.acme.Missing from " + jar + " cannot be used: the "
                + "class is not found (the services file lists it, but no jar on the classpath holds it); fix the plugin "
                + "or remove " + jar + FIX);
    }

    @Test
    void namesAPluginWithoutAPublicNoArgumentConstructor() throws Exception {
        Path jar = dir.resolve("needs-argument.jar");
        UnavailablePlugin broken = onlyUnavailable(PluginJar.at(jar).withClass(NeedsArgumentActivation.class)
                .service(Activation.class, NeedsArgumentActivation.class.getName()));
        assertThat(broken.describe()).isEqualTo("the activation " + NeedsArgumentActivation.class.getName() + " from "
                + jar + " cannot be used: it has no public no-argument constructor; fix the plugin or remove " + jar + FIX);
    }

    @Test
    void namesAPluginWhoseConstructorThrows() throws Exception {
        Path jar = dir.resolve("throwing.jar");
        UnavailablePlugin broken = onlyUnavailable(PluginJar.at(jar).withClass(ThrowingActivation.class)
                .service(Activation.class, ThrowingActivation.class.getName()));
        assertThat(broken.describe()).isEqualTo("the activation " + ThrowingActivation.class.getName() + " from " + jar
                + " cannot be used: its constructor threw IllegalStateException: no license key; fix the plugin or "
                + "remove " + jar + FIX);
    }

    @Test
    void namesAClassThatIsNotAPluginOfTheFamily() throws Exception {
        Path jar = dir.resolve("wrong.jar");
        UnavailablePlugin broken = onlyUnavailable(PluginJar.at(jar).service(Activation.class, TestTrainscope.class.getName()));
        assertThat(broken.reason()).startsWith("the class does not implement io.trainscope.api.activation.Activation; ");
        assertThat(broken.source()).isEqualTo(jar.toString());
    }

    @Test
    void twoPluginsWithOneNameMakeTheNameUnavailableNamingBothJars() throws Exception {
        Path jar = dir.resolve("impostor.jar");
        Class<?> sigmoid = TestTrainscope.get().plugins().get(PluginFamily.ACTIVATION, "sigmoid").getClass();
        UnavailablePlugin shared = onlyUnavailable(PluginJar.at(jar).withClass(ImpostorSigmoid.class)
                .service(Activation.class, ImpostorSigmoid.class.getName()));
        assertThat(shared.describe()).isEqualTo("the activation 'sigmoid' cannot be used: two activations are named "
                + "'sigmoid': " + sigmoid.getName() + " (from " + ServiceEntries.sourceOf(sigmoid) + ") and "
                + ImpostorSigmoid.class.getName() + " (from " + jar + "); remove one of them from the classpath or rename it");
    }

    @Test
    void theOtherPluginsOfABrokenJarStillLoad() throws Exception {
        PluginJar jar = PluginJar.at(dir.resolve("mixed.jar")).withClass(ThrowingActivation.class)
                .withClass(FineActivation.class)
                .service(Activation.class, "com.acme.Missing", ThrowingActivation.class.getName(),
                        FineActivation.class.getName());
        try (URLClassLoader loader = PluginJar.loader(jar)) {
            PluginRegistry registry = Trainscope.create(loader, PluginErrorPolicy.DISABLE).plugins();
            assertThat(registry.names(PluginFamily.ACTIVATION)).contains("fine", "relu", "sigmoid");
            assertThat(registry.get(PluginFamily.ACTIVATION, "fine").getClass().getClassLoader()).isSameAs(loader);
            assertThat(registry.unavailable()).extracting(UnavailablePlugin::className)
                    .containsExactly("com.acme.Missing", ThrowingActivation.class.getName());
        }
    }

    @Test
    void aConfigThatDoesNotUseABrokenPluginResolves() throws Exception {
        PluginJar jar = PluginJar.at(dir.resolve("impostor.jar")).withClass(ImpostorSigmoid.class)
                .service(Activation.class, ImpostorSigmoid.class.getName(), "com.acme.Missing");
        try (URLClassLoader loader = PluginJar.loader(jar)) {
            Trainscope trainscope = Trainscope.create(loader, PluginErrorPolicy.DISABLE);
            assertThat(trainscope.resolve(TestTrainscope.parse("data: iris\nmodel: {hidden: [4], activation: tanh}\n"))
                    .activation().plugin().name()).isEqualTo("tanh");
        }
    }

    @Test
    void aConfigNamingADuplicatedPluginGetsTheReasonNotUnknownActivation() throws Exception {
        PluginJar jar = PluginJar.at(dir.resolve("impostor.jar")).withClass(ImpostorSigmoid.class)
                .service(Activation.class, ImpostorSigmoid.class.getName());
        try (URLClassLoader loader = PluginJar.loader(jar)) {
            Trainscope trainscope = Trainscope.create(loader, PluginErrorPolicy.DISABLE);
            assertThatThrownBy(() -> trainscope.resolve(TestTrainscope.parse("data: iris\nmodel: {activation: sigmoid}\n")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("model.activation: the activation 'sigmoid' cannot be used: two activations "
                            + "are named 'sigmoid': ");
        }
    }

    @Test
    void aConfigNamingAnUnknownPluginIsToldWhichEntriesCouldNotBeLoaded() throws Exception {
        Path jar = dir.resolve("acme.jar");
        try (URLClassLoader loader = PluginJar.loader(PluginJar.at(jar).service(Activation.class, "com.acme.Snake"))) {
            PluginRegistry registry = Trainscope.create(loader, PluginErrorPolicy.DISABLE).plugins();
            assertThatThrownBy(() -> new PluginLookup(registry).get(PluginFamily.ACTIVATION, "snake", "model.activation"))
                    .hasMessage("model.activation: unknown activation 'snake'; known activations: "
                            + String.join(", ", registry.names(PluginFamily.ACTIVATION))
                            + "; 1 activation entry on the classpath could not be loaded and 'snake' may be among them: "
                            + "the activation com.acme.Snake from " + jar + " cannot be used: the class is not found "
                            + "(the services file lists it, but no jar on the classpath holds it); fix the plugin or "
                            + "remove " + jar + FIX);
        }
    }

    @Test
    void disableWarnsOnceForEachBrokenPlugin() throws Exception {
        Path jar = dir.resolve("acme.jar");
        try (URLClassLoader loader = PluginJar.loader(PluginJar.at(jar)
                .service(Activation.class, "com.acme.One", "com.acme.Two"))) {
            List<String> warnings = new ArrayList<>();
            PluginErrorPolicy.DISABLE.apply(PluginDiscovery.discover(loader), warnings::add);
            assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w)
                    .contains(" from " + jar + " cannot be used: the class is not found")
                    .endsWith(" (left out; TRAINSCOPE_PLUGIN_ERRORS=fail makes this an error)"));
        }
    }

    @Test
    void failStopsStartUpNamingEveryBrokenPlugin() throws Exception {
        Path jar = dir.resolve("acme.jar");
        try (URLClassLoader loader = PluginJar.loader(PluginJar.at(jar).withClass(ThrowingActivation.class)
                .service(Activation.class, "com.acme.Missing", ThrowingActivation.class.getName()))) {
            assertThatThrownBy(() -> Trainscope.create(loader, PluginErrorPolicy.FAIL))
                    .isInstanceOf(PluginException.class)
                    .hasMessageStartingWith("2 plugins on the classpath cannot be used (plugin errors: fail): "
                            + "the activation com.acme.Missing from " + jar + " cannot be used: ")
                    .hasMessageContaining("; the activation " + ThrowingActivation.class.getName() + " from " + jar
                            + " cannot be used: its constructor threw IllegalStateException: no license key; ");
        }
    }

    @Test
    void readsThePolicyFromThePropertyOrTheEnvironmentVariable() {
        assertThat(PluginErrorPolicy.parse(" Fail ", "x")).isEqualTo(PluginErrorPolicy.FAIL);
        assertThat(PluginErrorPolicy.parse("disable", "x")).isEqualTo(PluginErrorPolicy.DISABLE);
        assertThatThrownBy(() -> PluginErrorPolicy.parse("strict", "TRAINSCOPE_PLUGIN_ERRORS"))
                .isInstanceOf(TrainscopeException.class)
                .hasMessage("TRAINSCOPE_PLUGIN_ERRORS must be 'disable' (leave broken plugins out, the default) or "
                        + "'fail' (stop at start-up), got 'strict'");
        String before = System.getProperty(PluginErrorPolicy.PROPERTY);
        try {
            System.setProperty(PluginErrorPolicy.PROPERTY, "fail");
            assertThat(PluginErrorPolicy.fromEnvironment()).isEqualTo(PluginErrorPolicy.FAIL);
        } finally {
            if (before == null) {
                System.clearProperty(PluginErrorPolicy.PROPERTY);
            } else {
                System.setProperty(PluginErrorPolicy.PROPERTY, before);
            }
        }
    }
}
