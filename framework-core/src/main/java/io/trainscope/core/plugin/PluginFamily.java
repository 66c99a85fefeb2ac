package io.trainscope.core.plugin;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.data.DataSource;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.normalization.Normalizer;
import io.trainscope.api.plugin.Plugin;

import java.util.List;

/**
 * One plugin family: its SPI type and how it is called in messages.
 *
 * @param id          the family's id on the command line ({@code activation})
 * @param displayName how one plugin of the family is called in messages ("initializer")
 * @param plural      the plural for listings ("initializers")
 * @param type        the SPI interface, whose name is the {@code META-INF/services} file name
 * @param perRun      whether each run gets a fresh instance (monitors hold per-run state)
 * @param <T>         the SPI type
 */
public record PluginFamily<T extends Plugin>(String id, String displayName, String plural, Class<T> type,
                                             boolean perRun) {

    public static final PluginFamily<Activation> ACTIVATION =
            new PluginFamily<>("activation", "activation", "activations", Activation.class, false);
    public static final PluginFamily<Initializer> INITIALIZER =
            new PluginFamily<>("initializer", "initializer", "initializers", Initializer.class, false);
    public static final PluginFamily<Normalizer> NORMALIZER =
            new PluginFamily<>("normalizer", "normalizer", "normalizers", Normalizer.class, false);
    public static final PluginFamily<Monitor> MONITOR =
            new PluginFamily<>("monitor", "monitor", "monitors", Monitor.class, true);
    public static final PluginFamily<DataSource> DATA_SOURCE =
            new PluginFamily<>("data-source", "data source", "data sources", DataSource.class, false);

    /** Every family, in the order {@code trainscope plugins} lists them. */
    public static final List<PluginFamily<?>> ALL = List.of(DATA_SOURCE, INITIALIZER, ACTIVATION, NORMALIZER, MONITOR);
}
