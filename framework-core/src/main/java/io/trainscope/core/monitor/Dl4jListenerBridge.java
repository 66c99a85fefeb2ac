package io.trainscope.core.monitor;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * Forwards DL4J's per-iteration hooks to the {@link HookDispatcher} and returns at once on
 * iterations no monitor asked for. trainscope's own loop installs it on the networks it builds; an
 * instrumented application network's listener delegates its per-iteration hooks to it.
 *
 * <p>DL4J 1.0.0-M2.1 calls, per iteration: {@code onForwardPass} (input and hidden activations as a
 * list for a {@code MultiLayerNetwork}, every vertex's output but the output layers' as a map for a
 * {@code ComputationGraph}; valid in the activations workspace), {@code onBackwardPass} (still inside
 * that workspace, loss computed, raw gradients summed over the batch), {@code onGradientCalculation},
 * then {@code iterationDone} after the optimizer step (the gradient array now holds the update).
 */
public final class Dl4jListenerBridge extends BaseTrainingListener {

    private final HookDispatcher dispatcher;

    public Dl4jListenerBridge(HookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        if (dispatcher.active()) {
            dispatcher.forwardPass(activations);
        }
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        if (dispatcher.active()) {
            dispatcher.forwardPass(activations);
        }
    }

    @Override
    public void onBackwardPass(Model model) {
        if (dispatcher.active()) {
            dispatcher.backwardPass(model.score(), labels(model));
        }
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if (dispatcher.active()) {
            dispatcher.iterationDone();
        }
    }

    /** The labels the loss sees: the network's, or a graph's first output layer's. */
    private static INDArray labels(Model model) {
        if (model instanceof MultiLayerNetwork net) {
            return net.getLabels();
        }
        if (model instanceof ComputationGraph graph && graph.getOutputLayer(0) instanceof IOutputLayer out) {
            return out.getLabels();
        }
        return null;
    }
}
