package io.trainscope.api.normalization;

import io.trainscope.api.StableApi;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.api.plugin.Plugin;
import org.deeplearning4j.nn.conf.layers.Layer;

import java.util.List;
import java.util.Optional;

/**
 * Where and what normalization goes into a run: layers inserted into every hidden layer
 * (BatchNorm) and/or a transform of the input features fitted on the training split
 * (standardization, seed 004's zero-centred data). A normalizer may do either or both.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #hiddenLayers} returns fresh DL4J layer configurations on every call; the core
 *       sets nothing on them except what the returned builders leave unset.</li>
 *   <li>{@link #inputTransform} sees statistics of the training split only, never of the
 *       validation or test split, so no information leaks from them.</li>
 * </ul>
 */
@StableApi(since = "0.1")
public interface Normalizer extends Plugin {

    /**
     * The layers to insert into one hidden layer of {@code units} units, in order; empty when
     * this normalizer leaves hidden layers alone.
     *
     * @param units  the width of the hidden layer
     * @param params this plugin's resolved parameters
     */
    default List<Layer> hiddenLayers(int units, Parameters params) {
        return List.of();
    }

    /**
     * Where {@link #hiddenLayers} go relative to the hidden layer's activation function.
     *
     * @param params this plugin's resolved parameters
     */
    default Placement placement(Parameters params) {
        return Placement.BEFORE_ACTIVATION;
    }

    /**
     * The transform applied to every input batch (training, validation, test and prediction),
     * built from statistics of the training split; empty when this normalizer does not touch inputs.
     *
     * @param training per-feature statistics of the training split
     * @param params   this plugin's resolved parameters
     */
    default Optional<InputTransform> inputTransform(FeatureStatistics training, Parameters params) {
        return Optional.empty();
    }
}
