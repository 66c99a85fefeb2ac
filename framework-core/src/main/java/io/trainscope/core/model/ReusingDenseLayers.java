package io.trainscope.core.model;

import org.deeplearning4j.nn.conf.layers.DenseLayer;

/**
 * trainscope's dense layer for code outside this package that builds a network with DL4J's own
 * builders (the thread calibration's probe, benchmarks): a copy of a built DL4J {@link DenseLayer}
 * whose layer keeps its pre-activations for the backward pass and splits large products over two
 * threads when {@link TwoCoreProducts} is on.
 */
public final class ReusingDenseLayers {

    private ReusingDenseLayers() {
    }

    /**
     * trainscope's version of {@code built}; {@code inputGradient} false only for a network's first
     * layer (nothing uses the gradient with respect to the data).
     */
    public static DenseLayer of(DenseLayer built, boolean inputGradient) {
        return ReusingDenseLayer.from(built, inputGradient);
    }
}
