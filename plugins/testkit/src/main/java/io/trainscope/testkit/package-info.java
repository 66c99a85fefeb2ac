/**
 * Test support for plugin authors: {@link io.trainscope.testkit.ServiceFiles} checks that a
 * {@code META-INF/services} file registers every plugin class of a package, and
 * {@link io.trainscope.testkit.PluginConventions} checks names, descriptions and declared
 * defaults, and {@link io.trainscope.testkit.ActivationChecks} checks an activation's derivative
 * against a central difference and its stability in float32 and float64. To resolve parameters in a test as the core does, use
 * {@link io.trainscope.api.plugin.Parameters#resolve(io.trainscope.api.plugin.Plugin, java.util.Map)}
 * and {@link io.trainscope.api.plugin.Parameters#defaults(io.trainscope.api.plugin.Plugin)}.
 *
 * <p>Plain Java on top of framework-api, with no assertion library, so that tests written with
 * any framework can use it. Add it with {@code test} scope; {@code ActivationChecks} also needs an
 * ND4J backend on the test class path.
 */
package io.trainscope.testkit;
