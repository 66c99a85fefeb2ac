package io.trainscope.plugins.monitor;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HostMatrixTest {

    private static void assertSameElements(HostMatrix h, INDArray a) {
        assertThat(h.rows()).isEqualTo(a.rows());
        assertThat(h.columns()).isEqualTo(a.columns());
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.columns(); c++) {
                assertThat((double) h.get(r, c)).as("(%s, %s)", r, c).isEqualTo(a.getDouble(r, c));
            }
        }
    }

    private static INDArray grid(char order) {
        return Nd4j.linspace(DataType.FLOAT, 1, 12, 12).reshape(order, 3, 4);
    }

    @Test
    void copiesRowMajorAndColumnMajorMatrices() {
        assertSameElements(new HostMatrix().load(grid('c')), grid('c'));
        assertSameElements(new HostMatrix().load(grid('f').dup('f')), grid('f'));
    }

    @Test
    void copiesAViewAtAnOffsetOfALargerBuffer() {
        INDArray flat = Nd4j.linspace(DataType.FLOAT, 1, 20, 20).reshape(1, 20);
        INDArray view = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(5, 17)).reshape('f', 3, 4);

        HostMatrix h = new HostMatrix().load(view);

        assertThat(HostMatrix.dense(view)).isTrue();
        assertSameElements(h, view);
        assertThat(h.columnMajor()).isTrue();
    }

    @Test
    void copiesAStridedViewThroughATemporaryCopy() {
        INDArray m = grid('c');
        INDArray column = m.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3));

        assertThat(HostMatrix.dense(column)).isFalse();
        assertSameElements(new HostMatrix().load(column), column);
    }

    @Test
    void convertsOtherTypesToFloat() {
        INDArray d = grid('c').castTo(DataType.DOUBLE);

        assertSameElements(new HostMatrix().load(d), d);
    }

    @Test
    void readsAVectorAsOneRowAndReusesItsBuffer() {
        HostMatrix h = new HostMatrix().load(grid('c'));
        float[] buffer = h.values();

        h.load(Nd4j.createFromArray(7f, 8f, 9f));

        assertThat(h.rows()).isEqualTo(1);
        assertThat(h.columns()).isEqualTo(3);
        assertThat(h.values()).isSameAs(buffer);
        assertThat(h.get(0, 2)).isEqualTo(9f);
    }

    @Test
    void varianceIsThePopulationVarianceOfAllOrOfEveryKthValue() {
        HostMatrix h = new HostMatrix().load(Nd4j.createFromArray(1f, 100f, 100f, 2f, 100f, 100f, 3f, 100f, 100f, 4f));

        assertThat(h.variance(3)).isCloseTo(1.25, within(1e-12)); // 1, 2, 3, 4
        assertThat(h.variance()).isCloseTo(Nd4j.createFromArray(1f, 100f, 100f, 2f, 100f, 100f, 3f, 100f, 100f, 4f)
                .var(false).getDouble(0), within(1e-9));
        assertThat(new HostMatrix().load(Nd4j.createFromArray(7f)).variance()).isZero();
    }

    @Test
    void momentsArePopulationStatistics() {
        HostMatrix.Moments m = new HostMatrix().load(Nd4j.createFromArray(1f, 2f, 3f, 4f)).moments();

        assertThat(m.mean()).isEqualTo(2.5);
        assertThat(m.std()).isCloseTo(Math.sqrt(1.25), within(1e-12));
        assertThat(m.min()).isEqualTo(1.0);
        assertThat(m.max()).isEqualTo(4.0);
    }
}
