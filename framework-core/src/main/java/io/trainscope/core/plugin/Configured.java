package io.trainscope.core.plugin;

import io.trainscope.api.plugin.Parameters;
import io.trainscope.api.plugin.Plugin;

/**
 * A plugin together with its checked parameters, ready to use.
 *
 * @param plugin the plugin (for per-run families, an instance used for validation only)
 * @param params its resolved parameters
 * @param <T>    the SPI type
 */
public record Configured<T extends Plugin>(T plugin, Parameters params) {

    /** The plugin's name. */
    public String name() {
        return plugin.name();
    }
}
