package io.trainscope.core.diagnosis.rules;

import io.trainscope.core.diagnosis.Ailment;
import io.trainscope.core.diagnosis.Changes;
import io.trainscope.core.diagnosis.Diagnosis;
import io.trainscope.core.diagnosis.InputFacts;
import io.trainscope.core.diagnosis.Level;
import io.trainscope.core.diagnosis.Prescription;
import io.trainscope.core.diagnosis.Readings;
import io.trainscope.core.diagnosis.Rule;
import io.trainscope.core.diagnosis.Vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.trainscope.core.diagnosis.Readings.num;

/**
 * Inputs far from zero mean and unit variance (seed 004's zero-centred data, seed 002's
 * normalization): raw pixel values, or features whose scales differ by orders of magnitude.
 */
public final class UnstandardizedInputsRule implements Rule {

    /**
     * Root mean square above which inputs count as raw: standardized inputs have 1, pixels scaled
     * to [0, 1] about 0.3-0.5, raw 8-bit pixels about 90 (MNIST). A first layer initialized for unit
     * inputs then gets pre-activations 10x too wide.
     */
    public static final double RAW_RMS = 10.0;
    /** Ratio of the widest to the narrowest feature's standard deviation: 100 means one feature barely counts. */
    public static final double MAX_SPREAD = 100.0;

    @Override
    public Optional<Diagnosis> examine(Readings r) {
        InputFacts in = r.inputs();
        boolean raw = in.rms() > RAW_RMS;
        boolean spread = in.spread() > MAX_SPREAD;
        if (!raw && !spread) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        evidence.add("inputs: root mean square " + num(in.rms()) + " (standardized: 1; threshold " + num(RAW_RMS) + ")");
        evidence.add("feature standard deviations from " + num(in.minStd()) + " to " + num(in.maxStd()) + " (x"
                + num(in.spread()) + "; threshold x" + num(MAX_SPREAD) + "), largest |mean| " + num(in.maxAbsMean()));
        String summary = raw ? "The inputs are raw values (root mean square " + num(in.rms()) + "), not standardized."
                : "The input features are on very different scales (standard deviations differ " + num(in.spread()) + "x).";
        var source = r.probe().source();
        List<io.trainscope.core.diagnosis.ConfigChange> changes = Changes.hasNormalizer(source, Vocabulary.STANDARDIZE)
                ? List.of() : List.of(Changes.addNormalizer(source, Vocabulary.STANDARDIZE, true,
                "standardize subtracts each feature's training mean and divides by its standard deviation"));
        return Optional.of(Diagnosis.of(Ailment.UNSTANDARDIZED_INPUTS, Level.ERROR, List.of(), summary, evidence,
                "Initializers assume inputs of zero mean and unit variance; with these inputs the first layer's "
                        + "pre-activations are far too wide or dominated by a few features.",
                new Prescription(changes, "Standardize the inputs with the training split's mean and standard "
                        + "deviation (standardize), before anything else.")));
    }
}
