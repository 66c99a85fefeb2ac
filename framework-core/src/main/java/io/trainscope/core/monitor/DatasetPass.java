package io.trainscope.core.monitor;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * A full inference-mode pass over the training set (seed 003's dead-neuron count), in batches,
 * handing every layer's activations to a consumer. Each batch runs DL4J's layers one by one in a
 * workspace of the pass's own, which learns its size on the first batch and is reused by every
 * later batch and pass: the activations cost no native allocation (DL4J's {@code feedForward}
 * allocates and frees every layer's output per batch). The consumer runs outside any workspace,
 * as before: what it creates is its own; the activations it receives are valid until it returns.
 * The network's training state (its optimizer's included) is untouched: a run trains to the same
 * weights whether or not monitors ask for passes.
 */
public final class DatasetPass {

    /** Receives each batch's activations: DL4J's list (input first, then every layer's output). */
    @FunctionalInterface
    public interface BatchConsumer {
        void accept(int batchIndex, long examplesSeen, List<INDArray> activations);
    }

    private static final String ACTIVATIONS = "TRAINSCOPE_PASS_ACTIVATIONS";
    private static final String WORKING = "TRAINSCOPE_PASS_WORKING_MEM";
    private static final String RNN_LOOP = "TRAINSCOPE_PASS_RNN_LOOP";
    private static final WorkspaceConfiguration LEARN_FIRST_BATCH = WorkspaceConfiguration.builder()
            .initialSize(0).overallocationLimit(0.05).policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT).policySpill(SpillPolicy.REALLOCATE)
            .policyAllocation(AllocationPolicy.OVERALLOCATE).build();
    private static final WorkspaceConfiguration LEARN_OVER_TIME = WorkspaceConfiguration.builder()
            .initialSize(0).overallocationLimit(0.02).policyLearning(LearningPolicy.OVER_TIME).cyclesBeforeInitialization(3)
            .policyReset(ResetPolicy.BLOCK_LEFT).policySpill(SpillPolicy.REALLOCATE)
            .policyAllocation(AllocationPolicy.OVERALLOCATE).build();

    private final MultiLayerNetwork network;
    private final DataSet data;
    private final int batchSize;
    private final LayerWorkspaceMgr workspaces;

    public DatasetPass(MultiLayerNetwork network, DataSet data, int batchSize) {
        this.network = network;
        this.data = data;
        this.batchSize = batchSize;
        this.workspaces = LayerWorkspaceMgr.builder()
                .with(ArrayType.ACTIVATIONS, ACTIVATIONS, LEARN_FIRST_BATCH)
                .with(ArrayType.INPUT, ACTIVATIONS, LEARN_FIRST_BATCH)
                .with(ArrayType.FF_WORKING_MEM, WORKING, LEARN_OVER_TIME)
                .with(ArrayType.RNN_FF_LOOP_WORKING_MEM, RNN_LOOP, LEARN_OVER_TIME)
                .build();
        this.workspaces.setHelperWorkspacePointers(new HashMap<>());
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
        try {
            for (long from = 0; from < n; from += batchSize, batch++) {
                long to = Math.min(n, from + batchSize);
                INDArray x = features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
                try (MemoryWorkspace ws = workspaces.notifyScopeEntered(ArrayType.ACTIVATIONS)) {
                    List<INDArray> activations = forward(x);
                    try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                        consumer.accept(batch, to, activations);
                    }
                }
            }
        } finally {
            // clearLayersStates, not clear(): MultiLayerNetwork.clear() also drops the solver, and with it the
            // optimizer's state (Adam's moments, momentum), which the next fit would recreate as zeros; the old
            // state array (two floats per parameter for Adam, 4.3 MiB for the MNIST MLP) then stayed off-heap,
            // every epoch, until a full garbage collection. The layers' inputs point into the pass's workspace.
            network.clearLayersStates();
            network.setInput(null);
        }
        return batch;
    }

    /**
     * Inference-mode forward pass of every layer, as DL4J's {@code feedForward(x, false)} computes
     * it (input pre-processors, then each layer's {@code activate}), into the activations
     * workspace, which must be open: the input, then every layer's output.
     */
    private List<INDArray> forward(INDArray x) {
        network.setInput(x);
        Layer[] layers = network.getLayers();
        List<INDArray> out = new ArrayList<>(layers.length + 1);
        out.add(x);
        INDArray a = x;
        for (int i = 0; i < layers.length; i++) {
            try (MemoryWorkspace working = workspaces.notifyScopeEntered(ArrayType.FF_WORKING_MEM)) {
                InputPreProcessor pre = network.getLayerWiseConfigurations().getInputPreProcess(i);
                if (pre != null) {
                    a = pre.preProcess(a, network.getInputMiniBatchSize(), workspaces);
                }
                a = layers[i].activate(a, false, workspaces);
            }
            out.add(a);
        }
        return out;
    }
}
