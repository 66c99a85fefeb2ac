package io.trainscope.core;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.trainscope.core.plugin.DiscoveredPlugins;
import io.trainscope.core.plugin.PluginModule;
import io.trainscope.core.run.RunReporter;
import io.trainscope.core.training.TrainingBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The Guice module of trainscope: binds the discovered plugins by family and name; core services
 * ({@code PluginRegistry}, {@code ExperimentResolver}, {@code NetworkBuilder}, {@code DataPreparer},
 * {@code Trainer}) are created by just-in-time bindings through their {@code @Inject} constructors.
 * The optional {@link RunReporter} defaults to the first one on the classpath ({@code framework-report}
 * provides one); an application overrides it with {@code OptionalBinder.setBinding()} in its own module.
 * Every {@link TrainingBackend} on the classpath is bound in a set ({@code framework-spark} provides
 * {@code spark}).
 */
public final class TrainscopeModule extends AbstractModule {

    private static final Logger log = LoggerFactory.getLogger(TrainscopeModule.class);

    private final DiscoveredPlugins plugins;
    private final ClassLoader loader;

    public TrainscopeModule(DiscoveredPlugins plugins) {
        this(plugins, Thread.currentThread().getContextClassLoader());
    }

    /** Binds {@code plugins} and the first {@link RunReporter} visible to {@code loader}. */
    public TrainscopeModule(DiscoveredPlugins plugins, ClassLoader loader) {
        this.plugins = plugins;
        this.loader = loader;
    }

    @Override
    protected void configure() {
        install(new PluginModule(plugins));
        var reporter = OptionalBinder.newOptionalBinder(binder(), RunReporter.class);
        firstReporter().ifPresent(found -> reporter.setDefault().toInstance(found));
        var backends = Multibinder.newSetBinder(binder(), TrainingBackend.class);
        for (TrainingBackend backend : ServiceLoader.load(TrainingBackend.class, loader)) {
            backends.addBinding().toInstance(backend);
        }
    }

    /** The first report writer on the classpath; a broken one is a warning: runs then have no report. */
    private Optional<RunReporter> firstReporter() {
        try {
            return ServiceLoader.load(RunReporter.class, loader).findFirst();
        } catch (ServiceConfigurationError e) {
            log.warn("no report will be written: the report writer on the classpath cannot be loaded ({})",
                    e.getMessage());
            return Optional.empty();
        }
    }
}
