package io.trainscope.core.monitor;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * The one DL4J {@code TrainingListener} trainscope installs: it forwards DL4J's per-iteration
 * hooks to the {@link HookDispatcher} and returns at once on iterations no monitor asked for.
 *
 * <p>DL4J 1.0.0-M2.1 calls, per iteration: {@code onForwardPass} (input and hidden activations,
 * valid in the activations workspace), {@code onBackwardPass} (still inside that workspace, loss
 * computed, raw gradients summed over the batch), {@code onGradientCalculation}, then
 * {@code iterationDone} after the optimizer step (the gradient array now holds the update).
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
    public void onBackwardPass(Model model) {
        if (dispatcher.active()) {
            dispatcher.backwardPass(model.score(), ((MultiLayerNetwork) model).getLabels());
        }
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if (dispatcher.active()) {
            dispatcher.iterationDone();
        }
    }
}
