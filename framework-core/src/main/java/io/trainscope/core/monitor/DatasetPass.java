package io.trainscope.core.monitor;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * A full inference-mode pass over the training set (seed 003's dead-neuron count), in batches,
 * handing every layer's activations to a consumer. The activation arrays of each batch are
 * released as soon as the consumer returns, so a pass leaves nothing behind off-heap, and the
 * network's training state (its optimizer's included) is untouched: a run trains to the same
 * weights whether or not monitors ask for passes.
 */
public final class DatasetPass {

    /** Receives each batch's activations: DL4J's list (input first, then every layer's output). */
    @FunctionalInterface
    public interface BatchConsumer {
        void accept(int batchIndex, long examplesSeen, List<INDArray> activations);
    }

    private final MultiLayerNetwork network;
    private final DataSet data;
    private final int batchSize;

    public DatasetPass(MultiLayerNetwork network, DataSet data, int batchSize) {
        this.network = network;
        this.data = data;
        this.batchSize = batchSize;
    }

    /** The number of examples one pass covers. */
    public long examples() {
        return data.numExamples();
    }

    /** Runs the pass; returns the number of batches. */
    public int run(BatchConsumer consumer) {
        INDArray features = data.getFeatures();
        long n = features.rows();
        int batch = 0;
        for (long from = 0; from < n; from += batchSize, batch++) {
            long to = Math.min(n, from + batchSize);
            INDArray x = features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            List<INDArray> activations = network.feedForward(x, false);
            try {
                consumer.accept(batch, to, activations);
            } finally {
                for (int i = 1; i < activations.size(); i++) {
                    activations.get(i).close();
                }
            }
        }
        // clearLayersStates, not clear(): MultiLayerNetwork.clear() also drops the solver, and with it the
        // optimizer's state (Adam's moments, momentum), which the next fit would recreate as zeros; the old
        // state array (two floats per parameter for Adam, 4.3 MiB for the MNIST MLP) then stayed off-heap,
        // every epoch, until a full garbage collection
        network.clearLayersStates();
        network.setInput(null);
        return batch;
    }
}
