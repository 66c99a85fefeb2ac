package io.trainscope.core;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.trainscope.core.checkpoint.ModelLoader;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.config.ExperimentResolver;
import io.trainscope.core.config.ExperimentSpec;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.model.TrainedModel;
import io.trainscope.core.plugin.DiscoveredPlugins;
import io.trainscope.core.plugin.PluginDiscovery;
import io.trainscope.core.plugin.PluginErrorPolicy;
import io.trainscope.core.plugin.PluginException;
import io.trainscope.core.plugin.PluginRegistry;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.Trainer;
import io.trainscope.core.training.TrainingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The entry point for applications that embed trainscope: discovers the plugins on the classpath,
 * wires them with Guice, and hands out the services the CLI itself uses.
 *
 * <pre>{@code
 * Trainscope trainscope = Trainscope.create();
 * TrainingResult result = trainscope.train(Path.of("examples/configs/seed000-sigmoid-normal.yaml"));
 * System.out.println(result.outcome() + " after " + result.epochs() + " epochs in " + result.directory());
 * }</pre>
 */
public final class Trainscope {

    private static final Logger LOG = LoggerFactory.getLogger(Trainscope.class);

    private final Injector injector;

    private Trainscope(Injector injector) {
        this.injector = injector;
    }

    /**
     * Discovers plugins with the context class loader; plugins that cannot be used are handled
     * as {@link PluginErrorPolicy#fromEnvironment()} says.
     */
    public static Trainscope create() {
        return create(PluginDiscovery.discover(), PluginErrorPolicy.fromEnvironment());
    }

    /**
     * Discovers plugins (and the report writer, if any) visible to {@code loader}, with the
     * policy the environment asks for.
     */
    public static Trainscope create(ClassLoader loader) {
        return create(loader, PluginErrorPolicy.fromEnvironment());
    }

    /**
     * Discovers plugins (and the report writer, if any) visible to {@code loader}; {@code policy}
     * says what happens to plugins that cannot be used (an embedding application chooses it here
     * instead of through the environment).
     *
     * @throws PluginException when {@code policy} is {@link PluginErrorPolicy#FAIL} and a plugin
     *                         cannot be used, or when the plugins cannot be wired
     */
    public static Trainscope create(ClassLoader loader, PluginErrorPolicy policy) {
        DiscoveredPlugins plugins = PluginDiscovery.discover(loader);
        policy.apply(plugins, LOG::warn);
        return create(new TrainscopeModule(plugins, loader));
    }

    /** Uses an already discovered set of plugins, with the policy the environment asks for. */
    public static Trainscope create(DiscoveredPlugins plugins) {
        return create(plugins, PluginErrorPolicy.fromEnvironment());
    }

    /**
     * Uses an already discovered set of plugins.
     *
     * @throws PluginException when {@code policy} is {@link PluginErrorPolicy#FAIL} and a plugin
     *                         cannot be used, or when the plugins cannot be wired
     */
    public static Trainscope create(DiscoveredPlugins plugins, PluginErrorPolicy policy) {
        policy.apply(plugins, LOG::warn);
        return create(new TrainscopeModule(plugins));
    }

    /**
     * Discovers plugins with the context class loader (policy from the environment) and lets an
     * application's own Guice modules override trainscope's bindings (a measurement sink, a
     * {@code RunReporter}, a core service).
     */
    public static Trainscope create(Module... overrides) {
        DiscoveredPlugins plugins = PluginDiscovery.discover();
        PluginErrorPolicy.fromEnvironment().apply(plugins, LOG::warn);
        return create(Modules.override(new TrainscopeModule(plugins)).with(overrides));
    }

    private static Trainscope create(Module module) {
        try {
            return new Trainscope(Guice.createInjector(module));
        } catch (CreationException e) {
            throw new PluginException("the plugins could not be wired: " + e.getMessage(), e);
        }
    }

    /** The plugins available, by family and name. */
    public PluginRegistry plugins() {
        return injector.getInstance(PluginRegistry.class);
    }

    /** Reads a config file (structure and ranges are checked; plugins are not yet). */
    public ExperimentSpec load(Path config) {
        return new ConfigLoader().load(config);
    }

    /** Checks a config against the plugins and fills in every default. */
    public ResolvedExperiment resolve(ExperimentSpec spec) {
        return injector.getInstance(ExperimentResolver.class).resolve(spec);
    }

    /** Reads and resolves a config file. */
    public ResolvedExperiment resolve(Path config) {
        return resolve(load(config));
    }

    /** The trainer. */
    public Trainer trainer() {
        return injector.getInstance(Trainer.class);
    }

    /** Trains a config file with its first seed, writing a run folder under {@code runs/}. */
    public TrainingResult train(Path config) {
        return trainer().train(resolve(config), RunOptions.defaults());
    }

    /**
     * Loads a trained model for prediction from a run folder (its best checkpoint, else its
     * newest) or from a checkpoint file: {@code trainscope.loadModel(Path.of("runs/mnist-..."))}.
     */
    public TrainedModel loadModel(Path runDirectoryOrCheckpoint) {
        return injector.getInstance(ModelLoader.class).load(runDirectoryOrCheckpoint);
    }

    /** Any service of the core, for advanced embedding. */
    public <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }
}
