/**
 * The standard monitors. Each is a {@link io.trainscope.api.monitor.Monitor} plugin with declared
 * parameters; its class Javadoc states what it measures, when, and what that costs.
 */
package io.trainscope.plugins.monitor;
