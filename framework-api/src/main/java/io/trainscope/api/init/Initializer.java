package io.trainscope.api.init;

import io.trainscope.api.StableApi;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.api.plugin.Plugin;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Optional;

/**
 * Fills one weight tensor at network creation, given its fan-in, fan-out and a seeded random
 * source. The core adapts it to DL4J's {@code IWeightInit}; a plugin is just the formula.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #fill} overwrites every element of {@code weights} in place.</li>
 *   <li>All randomness comes from the given {@link WeightRandom}, so one seed gives one network.</li>
 *   <li>The Javadoc of each implementation states the distribution it draws from, and the
 *       implementation's tests check the sample mean and variance against that formula.</li>
 * </ul>
 *
 * <pre>{@code
 * public final class HalfNormal implements Initializer {
 *     public String name() { return "half-xavier"; }
 *     public String description() { return "N(0, 1/(fanIn + fanOut))"; }
 *     public void fill(INDArray w, Fan fan, Parameters p, WeightRandom random) {
 *         random.normal(w, 0.0, Math.sqrt(1.0 / (fan.in() + fan.out())));
 *     }
 * }
 * }</pre>
 */
@StableApi(since = "0.1")
public interface Initializer extends Plugin {

    /**
     * Fills a weight matrix.
     *
     * @param weights the tensor to overwrite, shape {@code [fanIn, fanOut]} for a dense layer
     * @param fan     fan-in and fan-out of the layer
     * @param params  this plugin's resolved parameters
     * @param random  the seeded random source of this network
     */
    void fill(INDArray weights, Fan fan, Parameters params, WeightRandom random);

    /**
     * Fills a bias vector. The default sets it to zero, as DL4J and the seeds do; override it
     * when the scheme initializes biases too (PyTorch's {@code nn.Linear} default does).
     *
     * @param bias   the vector to overwrite, {@code fan.out()} elements
     * @param fan    fan-in and fan-out of the layer
     * @param params this plugin's resolved parameters
     * @param random the seeded random source of this network
     */
    default void fillBias(INDArray bias, Fan fan, Parameters params, WeightRandom random) {
        bias.assign(0.0);
    }

    /**
     * DL4J's built-in weight initialization that draws from the same distribution with these
     * parameters, if there is one: how a finding words this initializer for code that builds DL4J
     * layers ({@code .weightInit(WeightInit.RELU)}). Empty (the default) when DL4J has none.
     *
     * @param params this plugin's resolved parameters
     * @return DL4J's equivalent, or empty
     */
    default Optional<WeightInit> dl4jEquivalent(Parameters params) {
        return Optional.empty();
    }
}
