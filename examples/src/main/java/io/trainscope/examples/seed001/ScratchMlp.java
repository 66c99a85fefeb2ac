package io.trainscope.examples.seed001;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 001's forward and backward pass by hand, with ND4J operations: a linear layer, ReLU, a
 * linear layer, softmax and the mean cross-entropy. The weights are DL4J's layout, {@code W [in, out]},
 * so {@code z = x W + b} (the seed's {@code X @ W.T + B} with PyTorch's {@code [out, in]}).
 *
 * <pre>
 * forward:  z1 = x W1 + b1;  a1 = relu(z1);  z2 = a1 W2 + b2;  p = softmax(z2);  L = -sum(y log p) / m
 * backward: dz2 = (p - y) / m;  dW2 = a1' dz2;  db2 = sum_rows dz2;  da1 = dz2 W2'
 *           dz1 = da1 * (z1 > 0);  dW1 = x' dz1;  db1 = sum_rows dz1
 * </pre>
 */
public final class ScratchMlp {

    private ScratchMlp() {
    }

    /**
     * One pass: the logits, the loss and the gradients, keyed as DL4J keys them ({@code 0_W},
     * {@code 0_b}, {@code 1_W}, {@code 1_b}) plus {@code dL/dz2}, the gradient of the logits.
     *
     * @param logits    z2
     * @param loss      the mean cross-entropy, from the log-softmax {@code z - max z - log sum exp(z - max z)}
     *                  (the log of a stable softmax is NaN in float32 once a probability underflows to 0)
     * @param gradients the gradients of {@code loss}
     */
    public record Pass(INDArray logits, double loss, Map<String, INDArray> gradients) {
    }

    /** The forward and backward pass over {@code x} with one-hot labels {@code y}. */
    public static Pass run(Map<String, INDArray> params, INDArray x, INDArray y) {
        return run(params, x, y, false);
    }

    /** The same with the naive softmax when {@code naive} (NaN gradients once {@code exp(z)} overflows). */
    public static Pass run(Map<String, INDArray> params, INDArray x, INDArray y, boolean naive) {
        INDArray w1 = params.get("0_W");
        INDArray w2 = params.get("1_W");
        long m = x.rows();
        INDArray z1 = x.mmul(w1).addiRowVector(params.get("0_b"));
        INDArray relu = z1.gt(0).castTo(z1.dataType());
        INDArray a1 = z1.mul(relu);
        INDArray z2 = a1.mmul(w2).addiRowVector(params.get("1_b"));
        INDArray p = naive ? naiveSoftmax(z2) : stableSoftmax(z2);
        double loss = -logSoftmax(z2).muli(y).sumNumber().doubleValue() / m;

        INDArray dz2 = p.sub(y).divi(m);
        Map<String, INDArray> g = new LinkedHashMap<>();
        g.put("dL/dz2", dz2);
        INDArray da1 = dz2.mmul(w2.transpose());
        INDArray dz1 = da1.muli(relu);
        g.put("0_W", x.transpose().mmul(dz1));
        g.put("0_b", dz1.sum(true, 0));
        g.put("1_W", a1.transpose().mmul(dz2));
        g.put("1_b", dz2.sum(true, 0));
        return new Pass(z2, loss, g);
    }

    /** Softmax as written first: {@code exp(z) / sum exp(z)} per row; overflows for large logits. */
    public static INDArray naiveSoftmax(INDArray z) {
        INDArray e = Transforms.exp(z, true);
        return e.diviColumnVector(e.sum(true, 1));
    }

    /** Softmax as the seed writes it: {@code exp(z - max z) / sum exp(z - max z)}, which cannot overflow. */
    public static INDArray stableSoftmax(INDArray z) {
        INDArray e = Transforms.exp(z.subColumnVector(z.max(true, 1)), false);
        return e.diviColumnVector(e.sum(true, 1));
    }

    /** {@code log softmax(z)} per row, computed without forming {@code softmax(z)}. */
    public static INDArray logSoftmax(INDArray z) {
        INDArray shifted = z.subColumnVector(z.max(true, 1));
        INDArray logSum = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false);
        return shifted.subiColumnVector(logSum);
    }

    /** How many entries of {@code exp(z)} are infinite in {@code z}'s type. */
    public static long overflows(INDArray z) {
        return Transforms.exp(z, true).isInfinite().castTo(DataType.INT).sumNumber().longValue();
    }

    /** The mean cross-entropy with the naive softmax (NaN once a row overflows). */
    public static double naiveLoss(INDArray z, INDArray y) {
        INDArray p = naiveSoftmax(z);
        return -Transforms.log(p, false).muli(y).sumNumber().doubleValue() / z.rows();
    }

    /** A zero bias row of {@code n} values like {@code like}. */
    static INDArray zeros(INDArray like, long n) {
        return Nd4j.zeros(like.dataType(), 1, n);
    }
}
