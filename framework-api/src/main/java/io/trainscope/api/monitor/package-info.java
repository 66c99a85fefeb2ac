/**
 * The monitor plugin family: instrumentation hooks, the views they receive, and the
 * measurements and findings they emit. The dispatch contract is on {@link io.trainscope.api.monitor.Monitor}.
 */
package io.trainscope.api.monitor;
