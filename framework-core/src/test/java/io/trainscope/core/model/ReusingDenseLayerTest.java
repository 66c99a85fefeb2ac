package io.trainscope.core.model;

import io.trainscope.api.data.Task;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.EpochBatches;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import static org.assertj.core.api.Assertions.assertThat;

/** The dense layer that reuses its pre-activations computes exactly what DL4J's own does. */
class ReusingDenseLayerTest {

    private static float[] train(ResolvedExperiment e, NetworkBuilder.DenseImplementation dense) {
        OutputHead head = OutputHead.resolve(e.spec().model().output(), Task.Classification.numbered(3));
        BuiltNetwork built = TestTrainscope.get().get(NetworkBuilder.class).build(e, 12, head, 9, new Adam(0.01), dense);
        assertThat(built.network().getLayer(0) instanceof ReusingDenseLayerImpl)
                .isEqualTo(dense == NetworkBuilder.DenseImplementation.REUSING);
        Nd4j.getRandom().setSeed(4);
        var x = Nd4j.randn(DataType.FLOAT, 96, 12);
        var y = Nd4j.zeros(DataType.FLOAT, 96, 3);
        for (int i = 0; i < 96; i++) {
            y.putScalar(i, i % 3, 1f);
        }
        DataSet data = new DataSet(x, y);
        for (int epoch = 0; epoch < 3; epoch++) {
            EpochBatches batches = new EpochBatches(data, 16, 1, epoch, true);
            while (batches.hasNext()) {
                built.network().fit(batches.next());
            }
        }
        return built.network().params().toFloatVector();
    }

    @Test
    void trainsToBitIdenticalWeightsAsDl4jsDenseLayer() {
        for (String activation : new String[]{"relu", "tanh", "sigmoid"}) {
            ResolvedExperiment e = TestTrainscope.resolve("""
                    data: {source: iris}
                    model: {hidden: [10, 8, 6], activation: %s, init: xavier-normal}
                    """.formatted(activation));
            assertThat(train(e, NetworkBuilder.DenseImplementation.REUSING))
                    .as(activation)
                    .containsExactly(train(e, NetworkBuilder.DenseImplementation.DL4J));
        }
    }

    @Test
    void withBatchNormBeforeTheActivationToo() {
        ResolvedExperiment e = TestTrainscope.resolve("""
                data: {source: iris}
                model: {hidden: [10, 8], activation: relu, normalizers: [batchnorm]}
                """);
        assertThat(train(e, NetworkBuilder.DenseImplementation.REUSING))
                .containsExactly(train(e, NetworkBuilder.DenseImplementation.DL4J));
    }

    @Test
    void withLargeProductsSplitOverTwoThreadsToo() {
        int g = TwoCoreProducts.verifiedGranule(20);
        org.junit.jupiter.api.Assumptions.assumeTrue(g > 0, "no column granule keeps this BLAS's bits");
        ResolvedExperiment e = TestTrainscope.resolve("""
                data: {source: iris}
                model: {hidden: [64, 50, 30], activation: relu}
                """);
        float[] dl4j = train(e, NetworkBuilder.DenseImplementation.DL4J);
        TwoCoreProducts.enable(g);
        TwoCoreProducts.setMinMacs(1);
        try {
            assertThat(train(e, NetworkBuilder.DenseImplementation.REUSING)).containsExactly(dl4j);
        } finally {
            TwoCoreProducts.disable();
            TwoCoreProducts.setMinMacs(TwoCoreProducts.DEFAULT_MIN_MACS);
        }
    }
}
