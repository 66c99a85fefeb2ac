package io.trainscope.plugins.monitor;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SilentUnitsTest {

    /** ReLU-like activations: the given units 0 (either sign) for every example, every other unit 0 in every third row. */
    private static INDArray batch(Random rng, int rows, int units, int... silent) {
        float[][] v = new float[rows][units];
        for (int r = 0; r < rows; r++) {
            for (int u = 0; u < units; u++) {
                v[r][u] = (r + u) % 3 == 0 ? 0f : 0.01f + rng.nextFloat();
            }
            for (int u : silent) {
                v[r][u] = r % 2 == 0 ? 0f : -0f;
            }
        }
        return Nd4j.create(v);
    }

    /** The units whose maximum |a| over every batch is 0, as the native reduction (the former count) finds them. */
    private static List<Integer> reference(List<INDArray> batches) {
        INDArray max = null;
        for (INDArray b : batches) {
            int[] over = b.rank() == 4 ? new int[]{0, 2, 3} : new int[]{0};
            INDArray m = b.castTo(DataType.DOUBLE).amax(over);
            max = max == null ? m : Transforms.max(max, m);
        }
        List<Integer> dead = new ArrayList<>();
        for (int u = 0; u < max.length(); u++) {
            if (max.getDouble(u) == 0) {
                dead.add(u);
            }
        }
        return dead;
    }

    private static List<Integer> silent(List<INDArray> batches) {
        try (SilentUnits s = new SilentUnits(1)) {
            for (INDArray b : batches) {
                s.add(0, b);
                s.batchDone(b.size(0));
            }
            return s.dead(0);
        }
    }

    @Test
    void findsTheUnitsThatAreZeroForEveryExampleOfEveryBatchAsTheNativeReductionDoes() {
        Random rng = new Random(3);
        List<INDArray> batches = List.of(batch(rng, 7, 40, 3, 17, 39), batch(rng, 5, 40, 3, 17, 39, 20),
                batch(rng, 1, 40, 3, 17, 39, 5, 6, 7));

        assertThat(silent(batches)).containsExactly(3, 17, 39).isEqualTo(reference(batches));
    }

    @Test
    void readsFortranOrderViewsAndFloat64ActivationsLikeCOrderFloats() {
        Random rng = new Random(5);
        INDArray big = batch(rng, 12, 30, 0, 29, 11);
        List<INDArray> forms = List.of(big.dup('f'), big.castTo(DataType.DOUBLE), big.castTo(DataType.HALF),
                big.get(NDArrayIndex.interval(4, 9), NDArrayIndex.all()), big.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 30)));
        for (INDArray form : forms) {
            assertThat(silent(List.of(form))).as("%s %s %s", form.dataType(), form.ordering(), form.isView())
                    .containsExactly(0, 11, 29).isEqualTo(reference(List.of(form)));
        }
    }

    @Test
    void aTinyFloat64ValueOrANaNFiresItsUnit() {
        INDArray a = Nd4j.createFromArray(new double[][]{{0, 1e-300, Double.NaN, 0}, {0, 0, 0, -0.0}});

        assertThat(a.dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(silent(List.of(a))).containsExactly(0, 3);
        assertThat(silent(List.of(a.castTo(DataType.FLOAT)))).as("1e-300 is 0 in float32").containsExactly(0, 1, 3);
    }

    @Test
    void countsAConvolutionsChannelsOverEveryExampleAndPosition() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 3, 4, 5, 5);
        a.get(NDArrayIndex.all(), NDArrayIndex.point(1), NDArrayIndex.all(), NDArrayIndex.all()).assign(0);
        a.get(NDArrayIndex.all(), NDArrayIndex.point(2), NDArrayIndex.all(), NDArrayIndex.all()).assign(0);
        a.putScalar(new long[]{2, 2, 4, 4}, 0.5);   // channel 2 fires at one position of one example

        assertThat(silent(List.of(a))).containsExactly(1).isEqualTo(reference(List.of(a)));
        assertThat(silent(List.of(a.dup('f')))).containsExactly(1);
    }

    @Test
    void startsAfreshAfterResetAndCountsTheBatchesAndExamples() {
        Random rng = new Random(9);
        try (SilentUnits s = new SilentUnits(2)) {
            s.add(0, batch(rng, 4, 6, 2));
            s.add(1, batch(rng, 4, 3, 0, 1, 2));
            s.batchDone(4);
            s.add(0, batch(rng, 2, 6, 2, 4));
            s.batchDone(2);
            assertThat(s.dead(0)).containsExactly(2);
            assertThat(s.dead(1)).containsExactly(0, 1, 2);
            assertThat(s.examples()).isEqualTo(6);
            assertThat(s.batches()).isEqualTo(2);

            s.reset();
            assertThat(s.dead(0)).isEmpty();
            s.add(0, batch(rng, 3, 6, 4, 5));
            assertThat(s.dead(0)).containsExactly(4, 5);
            assertThat(s.dead(1)).as("a layer not added since the reset").isEmpty();
        }
    }
}
