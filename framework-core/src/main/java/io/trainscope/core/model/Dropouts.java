package io.trainscope.core.model;

import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;

/**
 * Translates trainscope's dropout, the probability {@code p} of dropping each output of a layer
 * (what PyTorch's {@code nn.Dropout(p)} and most texts mean), into DL4J's, which is a property of
 * the layer that receives those outputs and is given as the probability of <em>retaining</em> each
 * input: {@code new Dropout(1 - p)}. Retained values are scaled by {@code 1 / (1 - p)} while
 * training (inverted dropout), so nothing changes at inference.
 */
final class Dropouts {

    private Dropouts() {
    }

    /** Drops each input of the layer {@code builder} builds with probability {@code p} while training; 0 leaves it. */
    static void onInput(BaseLayer.Builder<?> builder, double p) {
        if (p > 0) {
            builder.dropOut(new Dropout(1.0 - p));
        }
    }
}
