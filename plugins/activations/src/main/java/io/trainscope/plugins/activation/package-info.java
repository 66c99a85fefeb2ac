/**
 * The standard activations: {@code sigmoid}, {@code tanh}, {@code relu} and {@code identity},
 * each computed with ND4J native ops, in place, and with a fused backward op where ND4J has one.
 */
package io.trainscope.plugins.activation;
