package io.trainscope.core;

import com.google.inject.AbstractModule;
import io.trainscope.core.plugin.DiscoveredPlugins;
import io.trainscope.core.plugin.PluginModule;

/**
 * The Guice module of trainscope: binds the discovered plugins by family and name; core services
 * ({@code PluginRegistry}, {@code ExperimentResolver}, {@code NetworkBuilder}, {@code DataPreparer},
 * {@code Trainer}) are created by just-in-time bindings through their {@code @Inject} constructors.
 */
public final class TrainscopeModule extends AbstractModule {

    private final DiscoveredPlugins plugins;

    public TrainscopeModule(DiscoveredPlugins plugins) {
        this.plugins = plugins;
    }

    @Override
    protected void configure() {
        install(new PluginModule(plugins));
    }
}
