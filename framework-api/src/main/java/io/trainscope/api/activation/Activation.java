package io.trainscope.api.activation;

import io.trainscope.api.StableApi;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.api.plugin.Plugin;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Optional;

/**
 * An element-wise activation function {@code a = f(z)} and its derivative, the pair the seeds'
 * scratch backpropagation uses. The core adapts it to DL4J's {@code IActivation}; a plugin is
 * just the math.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #apply} and {@link #derivative} may overwrite their argument and return it, or
 *       return a new array of the same shape; the core copies the result where DL4J needs it.</li>
 *   <li>Arrays are created with ND4J's factory methods in the current workspace; do not keep
 *       references to arguments after returning.</li>
 *   <li>The functions must be pure: the same input gives the same output.</li>
 *   <li>They are called on float32 arrays when training and on float64 arrays by checks and
 *       profiles, and must stay finite for any finite input (use stable forms: a softplus that
 *       computes {@code log(1 + e^z)} directly overflows at {@code z > 88} in float32).</li>
 * </ul>
 *
 * <p>The plugin testkit's {@code ActivationChecks} tests a new activation's derivative and
 * numerical stability in one line each.
 *
 * <pre>{@code
 * public final class Softsign implements Activation {
 *     public String name() { return "softsign"; }
 *     public String description() { return "z / (1 + |z|)"; }
 *     public INDArray apply(INDArray z, Parameters p) { return z.div(Transforms.abs(z).addi(1)); }
 *     public INDArray derivative(INDArray z, Parameters p) {
 *         INDArray d = Transforms.abs(z).addi(1);
 *         return d.muli(d).rdivi(1);
 *     }
 * }
 * }</pre>
 */
@StableApi(since = "0.1")
public interface Activation extends Plugin {

    /**
     * The activation {@code f(z)}.
     *
     * @param z      pre-activations, any shape; may be overwritten
     * @param params this plugin's resolved parameters
     * @return {@code f(z)}, the same array as {@code z} or a new one of its shape
     */
    INDArray apply(INDArray z, Parameters params);

    /**
     * The element-wise derivative {@code f'(z)}.
     *
     * @param z      pre-activations, any shape; may be overwritten
     * @param params this plugin's resolved parameters
     * @return {@code f'(z)}, the same array as {@code z} or a new one of its shape
     */
    INDArray derivative(INDArray z, Parameters params);

    /**
     * Backpropagates through the activation: {@code dL/dz = f'(z) * dL/da}. The default multiplies
     * {@link #derivative} by {@code gradOut}; override it with a fused operation when ND4J has one.
     *
     * @param z       pre-activations; may be overwritten
     * @param gradOut {@code dL/da}, same shape as {@code z}; must not be modified
     * @param params  this plugin's resolved parameters
     * @return {@code dL/dz}, same shape as {@code z}
     */
    default INDArray backprop(INDArray z, INDArray gradOut, Parameters params) {
        return derivative(z, params).muli(gradOut);
    }

    /**
     * Where the function is flat (its derivative near zero), expressed on its output, so the
     * saturation monitor can count saturated units without knowing the function by name.
     *
     * @param params this plugin's resolved parameters
     * @return the flat region, or {@link FlatRegion#NONE} when the function has none
     */
    default FlatRegion flatRegion(Parameters params) {
        return FlatRegion.NONE;
    }

    /**
     * The negative-side slope the network learns, for a PReLU-shaped activation; empty (the
     * default) for a fixed function. When present, the network computes {@code max(z, 0) + a·min(z, 0)}
     * with a trainable {@code a} starting at {@link LearnableSlope#initial()}, and this plugin's
     * {@link #apply}, {@link #derivative} and {@link #backprop} must compute that function at the
     * initial slope: profiles and checks use them, while the network uses its learned slope.
     *
     * @param params this plugin's resolved parameters
     * @return the learnable slope, or empty
     */
    default Optional<LearnableSlope> learnableSlope(Parameters params) {
        return Optional.empty();
    }

    /**
     * DL4J's built-in activation that computes this function with these parameters, if there is
     * one: how a finding words this activation for code that builds DL4J layers
     * ({@code .activation(Activation.LEAKYRELU)}), and how trainscope recognises it in a network it
     * did not build (to know its flat region). Empty (the default) when DL4J has no such activation.
     *
     * @param params this plugin's resolved parameters
     * @return DL4J's equivalent, or empty
     */
    default Optional<org.nd4j.linalg.activations.Activation> dl4jEquivalent(Parameters params) {
        return Optional.empty();
    }
}
