package io.trainscope.plugins.normalization;

import io.trainscope.api.normalization.Normalizer;
import io.trainscope.api.normalization.Placement;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Layer;

import java.util.List;

/**
 * Inserts one DL4J {@link BatchNormalization} layer into every hidden layer ({@code batchnorm}):
 * {@code y = γ (x - μ_B) / sqrt(σ²_B + eps) + β} over each mini-batch, with running statistics
 * updated as {@code running = decay · running + (1 - decay) · batch} for inference (seed 002).
 *
 * <p>{@code placement} puts it before the activation (Ioffe and Szegedy, seed 002) or after it.
 */
public final class BatchNormNormalizer implements Normalizer {

    static final ParameterSpec PLACEMENT = Placements.PLACEMENT;
    static final ParameterSpec DECAY = ParameterSpec.real("decay", 0.9,
            "weight of the old running mean and variance in each update").greaterThan(0).lessThan(1);
    static final ParameterSpec EPS = ParameterSpec.real("eps", 1e-5,
            "added to the batch variance before the square root").greaterThan(0);

    @Override
    public String name() {
        return "batchnorm";
    }

    @Override
    public String description() {
        return "batch normalization in every hidden layer (before or after the activation)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(PLACEMENT, DECAY, EPS);
    }

    @Override
    public List<Layer> hiddenLayers(int units, Parameters params) {
        return List.of(new BatchNormalization.Builder()
                .nIn(units)
                .nOut(units)
                .decay(params.real(DECAY.name()))
                .eps(params.real(EPS.name()))
                .build());
    }

    @Override
    public Placement placement(Parameters params) {
        return Placements.of(params);
    }

    /** The config word of a placement: {@code BEFORE_ACTIVATION} is "before-activation". */
    static String word(Placement placement) {
        return Placements.word(placement);
    }
}
