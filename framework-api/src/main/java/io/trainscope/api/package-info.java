/**
 * The trainscope plugin SPI.
 *
 * <p>Five plugin families, each one small interface discovered with
 * {@link java.util.ServiceLoader} (one {@code META-INF/services} file per family):
 * {@link io.trainscope.api.activation.Activation}, {@link io.trainscope.api.init.Initializer},
 * {@link io.trainscope.api.normalization.Normalizer}, {@link io.trainscope.api.monitor.Monitor}
 * and {@link io.trainscope.api.data.DataSource}. All of them extend
 * {@link io.trainscope.api.plugin.Plugin}, which carries the name, description and declared
 * parameters used by configs and by {@code trainscope plugins}.
 */
package io.trainscope.api;
