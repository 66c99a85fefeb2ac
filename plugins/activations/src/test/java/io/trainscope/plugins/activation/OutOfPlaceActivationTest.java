package io.trainscope.plugins.activation;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Activation#applyInto} and {@link Activation#backpropInto}, as the core's dense layer calls
 * them (an f-order {@code z}, a c-order {@code out}), give exactly the bits of {@code apply} and
 * {@code backprop} on a c-order copy, and leave {@code z} and the incoming gradient unchanged.
 */
class OutOfPlaceActivationTest {

    static Stream<Named<Activation>> activations() {
        return ServiceLoader.load(Activation.class).stream().map(ServiceLoader.Provider::get).map(p -> Named.of(p.name(), p));
    }

    @ParameterizedTest
    @MethodSource("activations")
    void intoAnotherArrayGivesTheBitsOfInPlaceAndLeavesTheInputs(Activation f) {
        Parameters p = Parameters.defaults(f);
        Nd4j.getRandom().setSeed(11);
        INDArray zc = Nd4j.randn(DataType.FLOAT, 37, 23).muli(3);
        zc.putScalar(0, 0, 0f);                                       // the kink of relu and its relatives
        INDArray z = zc.dup('f');
        INDArray grad = Nd4j.randn(DataType.FLOAT, 37, 23);
        INDArray zBefore = z.dup('c');
        INDArray gradBefore = grad.dup();

        INDArray expected = f.apply(zc.dup('c'), p);
        INDArray out = f.applyInto(z, Nd4j.createUninitialized(DataType.FLOAT, new long[]{37, 23}, 'c'), p);
        assertThat(bits(out)).as("applyInto").isEqualTo(bits(expected));

        INDArray expectedGrad = f.backprop(zc.dup('c'), grad, p);
        INDArray outGrad = f.backpropInto(z, grad, Nd4j.createUninitialized(DataType.FLOAT, new long[]{37, 23}, 'c'), p);
        assertThat(bits(outGrad)).as("backpropInto").isEqualTo(bits(expectedGrad));

        assertThat(bits(z)).as("z unchanged").isEqualTo(bits(zBefore));
        assertThat(bits(grad)).as("gradient unchanged").isEqualTo(bits(gradBefore));
    }

    private static int[] bits(INDArray a) {
        float[] v = a.dup('c').data().asFloat();
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToRawIntBits(v[i]);
        }
        return b;
    }
}
