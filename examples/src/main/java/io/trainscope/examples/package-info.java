/**
 * Runnable programs that reproduce the seed notebooks' experiments with trainscope, and a plugin
 * ({@link io.trainscope.examples.plugins.SoftsignActivation}) that exists only here, to show that a
 * jar on the classpath is all a plugin needs.
 */
package io.trainscope.examples;
