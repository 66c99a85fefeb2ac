/**
 * Test support for plugin authors, one line per check; every {@code assert...} method throws an
 * {@link java.lang.AssertionError} listing what is wrong, and a method of the same stem returns
 * those sentences as a list:
 * <ul>
 *   <li>{@link io.trainscope.testkit.PluginConventions}: names, descriptions, declared defaults, a
 *       monitor's declarations ({@code assertFollowed});</li>
 *   <li>{@link io.trainscope.testkit.ServiceFiles}: the {@code META-INF/services} file registers
 *       every plugin class of a package ({@code assertEveryImplementationRegistered});</li>
 *   <li>{@link io.trainscope.testkit.ActivationChecks}: an activation's derivative against a central
 *       difference, its stability in float32 and float64 (inside a network, through trainscope's
 *       adapters: framework-core's {@code io.trainscope.core.gradcheck.ActivationNetworkCheck}, with
 *       framework-core at test scope);</li>
 *   <li>{@link io.trainscope.testkit.InitializerChecks}: an initializer's contract and its sample
 *       mean and variance against the fan-in/fan-out formula it states;</li>
 *   <li>{@link io.trainscope.testkit.SeededWeightRandom}: the seeded random source to call an
 *       initializer with.</li>
 * </ul>
 * To resolve parameters in a test as the core does, use
 * {@link io.trainscope.api.plugin.Parameters#resolve(io.trainscope.api.plugin.Plugin, java.util.Map)}
 * and {@link io.trainscope.api.plugin.Parameters#defaults(io.trainscope.api.plugin.Plugin)}.
 *
 * <p>Plain Java on top of framework-api, with no assertion library, so that tests written with
 * any framework can use it. Add it with {@code test} scope: it brings ND4J's CPU backend and
 * OpenBLAS for this platform to the tests, and to nothing else. The guide is {@code docs/plugins.md}.
 */
package io.trainscope.testkit;
