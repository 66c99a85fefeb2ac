package io.trainscope.core.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import io.trainscope.api.plugin.Plugin;

/**
 * Binds every discovered plugin into Guice as a {@code MapBinder<String, T>} keyed by name, one
 * map per family. Stateless families are bound to the discovered instance; per-run families
 * (monitors) are bound to their class without scope, so each {@code Provider.get()} creates a
 * fresh instance (and plugins may use {@code @Inject}).
 */
public final class PluginModule extends AbstractModule {

    private final DiscoveredPlugins plugins;

    public PluginModule(DiscoveredPlugins plugins) {
        this.plugins = plugins;
    }

    @Override
    protected void configure() {
        bind(DiscoveredPlugins.class).toInstance(plugins);
        for (PluginFamily<?> family : PluginFamily.ALL) {
            bindFamily(family);
        }
    }

    private <T extends Plugin> void bindFamily(PluginFamily<T> family) {
        MapBinder<String, T> binder = MapBinder.newMapBinder(binder(), TypeLiteral.get(String.class),
                TypeLiteral.get(family.type()));
        for (DiscoveredPlugin<T> plugin : plugins.of(family).values()) {
            if (family.perRun()) {
                binder.addBinding(plugin.name()).to(plugin.type());
            } else {
                binder.addBinding(plugin.name()).toInstance(plugin.prototype());
            }
        }
    }
}
