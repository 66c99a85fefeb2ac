package io.trainscope.cli.bench;

import io.trainscope.core.config.PluginRef;
import io.trainscope.core.model.NetworkBuilder.DenseImplementation;

import java.util.List;

/**
 * One configuration measured by the throughput benchmark.
 *
 * @param name     how the table names it
 * @param monitors the monitors trainscope's trainer runs with; null for a bare DL4J {@code fit} loop on pre-built batches
 * @param dense    the dense-layer implementation of the network
 */
record BenchVariant(String name, List<PluginRef> monitors, DenseImplementation dense) {

    boolean bare() {
        return monitors == null;
    }
}
