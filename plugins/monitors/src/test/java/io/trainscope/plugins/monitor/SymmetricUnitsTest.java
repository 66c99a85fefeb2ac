package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.HostArray;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.assertj.core.api.Assertions.assertThat;

class SymmetricUnitsTest {

    private static HostArray host(double[][] rows) {
        return Hosts.of(Nd4j.create(rows).castTo(DataType.FLOAT));
    }

    private static HostArray bias(double... values) {
        return Hosts.of(Nd4j.create(values, new long[]{1, values.length}, DataType.FLOAT));
    }

    @Test
    void aZeroLayerIsOneGroupOfEveryUnit() {
        SymmetricUnits s = SymmetricUnits.of(host(new double[3][5]), bias(0, 0, 0, 0, 0));

        assertThat(s.symmetricUnits()).isEqualTo(5);
        assertThat(s.groups()).containsExactly(new int[]{0, 1, 2, 3, 4});
        assertThat(s.distinctUnits(5)).isEqualTo(1);
    }

    @Test
    void findsExactlyTheColumnsThatAreEqual() {
        double[][] w = {
                {1, 2, 1, 3, 2, 9},
                {4, 5, 4, 6, 5, 9},
        };

        SymmetricUnits s = SymmetricUnits.of(host(w), bias(0, 0, 0, 0, 0, 0));

        assertThat(s.symmetricUnits()).isEqualTo(4);
        assertThat(s.groups()).containsExactly(new int[]{0, 2}, new int[]{1, 4});
        assertThat(s.distinctUnits(6)).isEqualTo(4);
        assertThat(s.largestGroup()).isEqualTo(2);
    }

    @Test
    void aDifferentBiasBreaksTheSymmetry() {
        double[][] w = {{1, 1, 1}, {2, 2, 2}};

        SymmetricUnits s = SymmetricUnits.of(host(w), bias(0, 0.5, 0));

        assertThat(s.groups()).containsExactly(new int[]{0, 2});
        assertThat(SymmetricUnits.of(host(w), null).symmetricUnits()).isEqualTo(3);
    }

    @Test
    void columnsThatDifferInOneWeightAreNotTwins() {
        double[][] w = {{1, 1}, {2, 2}, {3, 3.0000002}};

        assertThat(SymmetricUnits.of(host(w), bias(0, 0))).isEqualTo(SymmetricUnits.NONE);
    }

    @Test
    void columnsEqualInTheirFirstWeightsButNotLaterAreNotTwins() {
        int rows = SymmetricUnits.PREFIX + 8;
        double[][] w = new double[rows][3];
        for (int r = 0; r < rows; r++) {
            w[r][0] = r;
            w[r][1] = r;
            w[r][2] = r;
        }
        w[rows - 1][1] = -1; // units 0 and 2 are twins; unit 1 differs only in its last weight

        SymmetricUnits s = SymmetricUnits.of(host(w), bias(0, 0, 0));

        assertThat(s.groups()).containsExactly(new int[]{0, 2});
    }

    @Test
    void negativeZeroEqualsZero() {
        double[][] w = {{0.0, -0.0}, {1, 1}};

        assertThat(SymmetricUnits.of(host(w), bias(-0.0, 0.0)).symmetricUnits()).isEqualTo(2);
    }

    @Test
    void readsColumnsOfAColumnMajorViewAsUnits() {
        // DL4J keeps W as an 'f'-ordered view into the flat parameter vector
        INDArray flat = Nd4j.create(new float[]{9, 9, 1, 2, 3, 1, 2, 3, 7, 8, 9}, new long[]{1, 11});
        INDArray w = flat.get(NDArrayIndex.point(0),
                NDArrayIndex.interval(2, 11)).reshape('f', 3, 3);

        SymmetricUnits s = SymmetricUnits.of(Hosts.of(w), null);

        assertThat(s.groups()).containsExactly(new int[]{0, 1});
    }
}
