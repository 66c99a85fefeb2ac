package io.trainscope.core.gradcheck;

import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network's gradients of the mean batch loss two ways: DL4J's backpropagation (the analytic
 * gradient, through every layer and activation adapter the network holds) and a central
 * difference of the loss, one parameter entry at a time. Both in training mode (BatchNorm uses the
 * batch's statistics), as a training step computes them.
 */
final class NetworkGradients {

    private NetworkGradients() {
    }

    /**
     * The analytic gradients and the loss they belong to.
     *
     * @param gradients by DL4J key, c-ordered copies, of the mean loss over the batch
     * @param loss      the mean loss
     */
    record Analytic(Map<String, INDArray> gradients, double loss) {
    }

    /**
     * Sets the output layer's clipping of probabilities to 0 (DL4J clips softmax and sigmoid
     * outputs to [1e-10, 1 - 1e-10] inside the cross-entropy's gradient, not inside its score; a
     * probability below 1e-10 would make the two disagree for that reason alone, as DL4J's own
     * {@code GradientCheckUtil} knows).
     */
    static void unclip(MultiLayerNetwork network) {
        if (network.getOutputLayer().conf().getLayer() instanceof BaseOutputLayer out) {
            ILossFunction loss = out.getLossFn();
            if (loss instanceof LossMCXENT mcxent) {
                mcxent.setSoftmaxClipEps(0.0);
            } else if (loss instanceof LossBinaryXENT xent) {
                xent.setClipEps(0.0);
            }
        }
    }

    /**
     * Backpropagates {@code batch} through {@code network}. DL4J's backpropagation gives the
     * gradient of the summed loss and its updater divides by the batch size; here the division is
     * done, so the gradient is that of the mean loss, the score.
     */
    static Analytic analytic(MultiLayerNetwork network, DataSet batch, List<String> keys) {
        network.setInput(batch.getFeatures());
        network.setLabels(batch.getLabels());
        network.computeGradientAndScore();
        Gradient g = network.gradient();
        int m = batch.numExamples();
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String key : keys) {
            out.put(key, Nd4j.toFlattened('c', g.getGradientFor(key)).divi(m));
        }
        return new Analytic(out, network.score());
    }

    /**
     * Records at entry {@code i} of {@code into} the difference quotients of the mean loss (with
     * steps {@code h} and {@code h/10}) at one
     * entry of {@code param} (a view of the network's parameters), which is restored afterwards;
     * {@code base} is the loss at the unchanged parameters.
     */
    static void differences(MultiLayerNetwork network, DataSet batch, INDArray param, long[] index, double h,
                            double base, Differences into, int i) {
        double original = param.getDouble(index);
        try {
            param.putScalar(index, original + h);
            double plus = network.score(batch, true);
            param.putScalar(index, original - h);
            double minus = network.score(batch, true);
            into.put(i, minus, base, plus, h);
            double fine = h / Differences.FINER;
            param.putScalar(index, original + fine);
            double finePlus = network.score(batch, true);
            param.putScalar(index, original - fine);
            into.fine()[i] = (finePlus + network.score(batch, true) - 2 * base) / fine;
        } finally {
            param.putScalar(index, original);
        }
    }
}
