package io.trainscope.core.diagnosis;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The family of an activation as far as initialization is concerned, read off the function
 * itself (never its name): ReLU-like functions want He's variance {@code 2/fan-in}, functions
 * that are linear near 0 and saturate want Glorot's {@code 2/(fan-in + fan-out)}.
 */
public enum ActivationShape {
    /** Unbounded above, (nearly) flat or small below 0: relu, leaky-relu, elu, gelu, swish, mish. */
    RELU_LIKE,
    /** Bounded on both sides: sigmoid, tanh. */
    SATURATING,
    /** Anything else (identity, softsign-like slow saturation). */
    OTHER;

    /** How far {@code f(4)} may exceed {@code f(8)/2} for a function to count as unbounded (linear growth). */
    private static final double GROWTH = 1.5;
    /** The largest {@code |f(-4)| / f(4)} of a ReLU-like function (elu: 0.25, identity: 1). */
    private static final double NEGATIVE_SHARE = 0.5;
    /** The largest {@code |f(8) - f(4)|} relative to {@code |f(4)|} of a saturating function. */
    private static final double FLATNESS = 0.05;

    /** Classifies an activation by sampling it at -4, 4 and 8 in float64. */
    public static ActivationShape of(Activation f, Parameters params) {
        INDArray z = Nd4j.createFromArray(-4.0, 4.0, 8.0).castTo(DataType.DOUBLE);
        double[] a = f.apply(z, params).toDoubleVector();
        double neg = a[0];
        double four = a[1];
        double eight = a[2];
        if (four > 0 && eight > GROWTH * four && Math.abs(neg) < NEGATIVE_SHARE * four) {
            return RELU_LIKE;
        }
        if (Math.abs(eight - four) <= FLATNESS * Math.max(Math.abs(four), 1e-12)) {
            return SATURATING;
        }
        return OTHER;
    }

    /** The initializer whose variance suits this family. */
    public String rightInitializer() {
        return this == RELU_LIKE ? Vocabulary.HE_NORMAL : Vocabulary.XAVIER_NORMAL;
    }

    /**
     * The gain {@code std(W) * sqrt(fan-in)} of the right initializer: {@code sqrt(2)} (He) for
     * ReLU-like layers, {@code sqrt(2 fan-in / (fan-in + fan-out))} (Glorot) otherwise.
     */
    public double rightGain(long fanIn, long fanOut) {
        return this == RELU_LIKE ? Math.sqrt(2.0) : Math.sqrt(2.0 * fanIn / (double) (fanIn + fanOut));
    }

    /** Lower-case name for evidence lines. */
    public String words() {
        return switch (this) {
            case RELU_LIKE -> "relu-like";
            case SATURATING -> "saturating";
            case OTHER -> "non-saturating";
        };
    }
}
