/**
 * The standard activations: {@code sigmoid}, {@code tanh}, {@code relu}, {@code leaky-relu},
 * {@code prelu}, {@code elu}, {@code gelu}, {@code swish}, {@code mish}, {@code softplus} and
 * {@code identity}. Each is its math and a name: ND4J native ops where ND4J has a stable one (with
 * a fused backward op where one exists), otherwise a composition of the stable primitives in
 * {@code StableMath}. Shapes shared by several activations live once: {@code NegativeSlopeActivation}
 * (leaky-relu, prelu) and {@code GatedActivation}, {@code z·g(z)} (swish, gelu, mish). Every
 * function and derivative is finite for |z| up to 100 in float32 and float64 (tested).
 */
package io.trainscope.plugins.activation;
