package io.trainscope.core.config;

import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.training.optim.ConfigChoice;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a bias starts ({@code bias-init}): a small closed family beside the initializer plugins.
 * Biases have no fan-dependent schemes in common use (Glorot and He scale weights by the fans;
 * biases start at zero, at a small constant, or, in the seeds' experiments, from N(0, 1)), so a
 * fifth plugin family would be an SPI for four one-line formulas. An initializer whose scheme
 * includes its biases keeps saying so through {@code Initializer.fillBias} ({@code torch-default}),
 * which is what a layer without {@code bias-init} gets.
 */
public enum BiasInit implements ConfigChoice {
    /** Every bias 0. */
    ZEROS("every bias 0", List.of()),
    /** Every bias {@code value}. */
    CONSTANT("every bias the same value", List.of(ParameterSpec.real("value", 0.0, "the value of every bias"))),
    /** Biases drawn from N(mean, std²). */
    NORMAL("biases from N(mean, std²)", List.of(ParameterSpec.real("mean", 0.0, "mean of the normal distribution"),
            ParameterSpec.real("std", 1.0, "standard deviation of the normal distribution").greaterThan(0))),
    /** Biases drawn from U(low, high). */
    UNIFORM("biases from U(low, high)", List.of(ParameterSpec.real("low", -0.1, "the lower bound"),
            ParameterSpec.real("high", 0.1, "the upper bound, > low")));

    private final String description;
    private final List<ParameterSpec> parameters;

    BiasInit(String description, List<ParameterSpec> parameters) {
        this.description = description;
        this.parameters = parameters;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    /** The names of all bias initializations. */
    public static List<String> names() {
        return ConfigChoice.names(BiasInit.class);
    }

    /** The bias initialization called {@code name}, or null. */
    public static BiasInit byName(String name) {
        return ConfigChoice.byName(BiasInit.class, name);
    }

    /** Overwrites {@code bias} with values drawn from {@code random}. */
    public void fill(INDArray bias, Parameters p, WeightRandom random) {
        switch (this) {
            case ZEROS -> bias.assign(0.0);
            case CONSTANT -> bias.assign(p.real("value"));
            case NORMAL -> random.normal(bias, p.real("mean"), p.real("std"));
            case UNIFORM -> random.uniform(bias, p.real("low"), p.real("high"));
        }
    }

    /**
     * A bias initialization with its checked parameters.
     *
     * @param kind   which one
     * @param params its parameters
     */
    public record Configured(BiasInit kind, Parameters params) {

        /** Overwrites {@code bias}. */
        public void fill(INDArray bias, WeightRandom random) {
            kind.fill(bias, params, random);
        }

        /** The config form: the name and every parameter. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", kind.configName());
            m.putAll(params.asMap());
            return m;
        }
    }
}
