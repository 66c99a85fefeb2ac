package io.trainscope.plugins.normalization;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The parameter-free half of layer normalization, as a DL4J activation function on a whole
 * {@code [batch, units]} array: each row becomes {@code y = (x - mean) / sqrt(var + eps)}, with the
 * row's mean and population variance. Its backward pass is the exact gradient
 * {@code dx = (g - mean(g) - y · mean(g · y)) / sqrt(var + eps)} per row. The learnable gain and
 * bias follow as a separate element-wise layer ({@link LayerNormNormalizer}).
 */
public final class RowNormalization extends BaseActivationFunction {
    private static final long serialVersionUID = 1L;

    @JsonProperty("eps")
    private final double eps;

    /** For DL4J's JSON reader. */
    private RowNormalization() {
        this(1e-5);
    }

    /** Normalization with {@code eps} added to each row's variance. */
    public RowNormalization(double eps) {
        this.eps = eps;
    }

    /** What is added to each row's variance. */
    public double eps() {
        return eps;
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        INDArray centred = in.subiColumnVector(in.mean(true, 1));
        return centred.diviColumnVector(scale(centred));
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        INDArray centred = in.subiColumnVector(in.mean(true, 1));
        INDArray scale = scale(centred);
        INDArray y = centred.diviColumnVector(scale);
        INDArray gy = epsilon.mul(y).mean(true, 1);
        INDArray dx = epsilon.subColumnVector(epsilon.mean(true, 1)).subi(y.muliColumnVector(gy));
        return new Pair<>(dx.diviColumnVector(scale), null);
    }

    /** sqrt(var + eps) per row of an already centred array, as a column. */
    private INDArray scale(INDArray centred) {
        return Transforms.sqrt(centred.mul(centred).mean(true, 1).addi(eps), false);
    }

    @Override
    public String toString() {
        return "row-normalization(eps=" + eps + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowNormalization r && r.eps == eps;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(eps);
    }
}
