package io.trainscope.examples.seed001;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The same 64-30-10 network built with DL4J's builders, given the same parameters, and its
 * gradients from DL4J's own backpropagation ({@code computeGradientAndScore}). DL4J returns the
 * gradient of the summed loss and divides by the batch size in its updater; here it is divided
 * by the batch size so that it is the gradient of the mean loss, as the seed's. The logit gradient
 * is DL4J's {@link LossMCXENT#computeGradient}, what its output layer back-propagates.
 */
public final class Dl4jGradients {

    private Dl4jGradients() {
    }

    /** The network in {@code type}, with the given parameters. */
    public static MultiLayerNetwork network(DataType type, Map<String, INDArray> params, int in, int hidden, int out) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().dataType(type).list()
                .layer(new DenseLayer.Builder().nIn(in).nOut(hidden).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(hidden).nOut(out)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        params.forEach((k, v) -> net.setParam(k, v.castTo(type)));
        return net;
    }

    /**
     * DL4J's gradients of the mean loss, keyed {@code dL/dz2}, {@code 0_W}, {@code 0_b}, {@code 1_W},
     * {@code 1_b}, and its score (the mean loss).
     *
     * @param gradients the gradients
     * @param score     DL4J's loss
     */
    public record Result(Map<String, INDArray> gradients, double score) {
    }

    /** Back-propagates {@code x} with one-hot labels {@code y} through {@code net}. */
    public static Result gradients(MultiLayerNetwork net, INDArray x, INDArray y) {
        long m = x.rows();
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        Gradient g = net.gradient();
        Map<String, INDArray> out = new LinkedHashMap<>();
        INDArray z2 = net.feedForwardToLayer(1, x).get(1).mmul(net.getParam("1_W")).addiRowVector(net.getParam("1_b"));
        out.put("dL/dz2", new LossMCXENT().computeGradient(y, z2, new ActivationSoftmax(), null).divi(m));
        for (String key : new String[]{"0_W", "0_b", "1_W", "1_b"}) {
            out.put(key, g.getGradientFor(key).dup().divi(m));
        }
        return new Result(out, net.score());
    }
}
