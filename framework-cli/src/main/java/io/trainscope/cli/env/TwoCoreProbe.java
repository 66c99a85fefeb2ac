package io.trainscope.cli.env;

import io.trainscope.core.model.ReusingDenseLayers;
import io.trainscope.core.model.TwoCoreProducts;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Arrays;
import java.util.Locale;

/**
 * Measures whether splitting large products over two threads ({@link TwoCoreProducts}) pays on this
 * machine, under the thread settings of its process (the calibrated ones). First the column granule
 * that keeps every bit ({@link TwoCoreProducts#verifiedGranule}); then the reference network of
 * {@link StepProbe} with trainscope's dense layers, trained twice from the same start on the same
 * data, one step without and one with split products in turn, so both see the same machine. Prints
 * {@code granule=<g> off=<samples/s> on=<samples/s> identical=<same bits after training>}.
 */
public final class TwoCoreProbe {

    private static final int BATCH = 256;
    private static final int WARMUP = 3;

    private TwoCoreProbe() {
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int granule = TwoCoreProducts.verifiedGranule(40);
        if (granule == 0) {
            System.out.println("granule=0 off=NaN on=NaN identical=false");
            return;
        }
        Nd4j.getRandom().setSeed(17);
        INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, BATCH, 10);
        for (int i = 0; i < BATCH; i++) {
            y.putScalar(i, i % 10, 1f);
        }
        DataSet data = new DataSet(x, y);
        MultiLayerNetwork whole = network();
        MultiLayerNetwork split = network();
        double[] off = new double[reps];
        double[] on = new double[reps];
        for (int i = -WARMUP; i < reps; i++) {
            boolean splitFirst = (i & 1) == 1;
            double a = step(splitFirst ? split : whole, splitFirst ? granule : 0, data);
            double b = step(splitFirst ? whole : split, splitFirst ? 0 : granule, data);
            if (i >= 0) {
                on[i] = splitFirst ? a : b;
                off[i] = splitFirst ? b : a;
            }
        }
        TwoCoreProducts.disable();
        boolean identical = Arrays.equals(whole.params().data().asFloat(), split.params().data().asFloat());
        System.out.printf(Locale.ROOT, "granule=%d off=%.3f on=%.3f identical=%b%n", granule, median(off), median(on),
                identical);
    }

    /** One training step with products split at {@code granule} (0: whole); samples/s. */
    private static double step(MultiLayerNetwork net, int granule, DataSet data) {
        if (granule > 0) {
            TwoCoreProducts.enable(granule);
        } else {
            TwoCoreProducts.disable();
        }
        long t0 = System.nanoTime();
        net.fit(data);
        return BATCH / ((System.nanoTime() - t0) / 1e9);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static MultiLayerNetwork network() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(17).dataType(DataType.FLOAT).updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER).list()
                .layer(ReusingDenseLayers.of(new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU)
                        .build(), false))
                .layer(ReusingDenseLayers.of(new DenseLayer.Builder().nIn(256).nOut(128).activation(Activation.RELU)
                        .build(), true))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(128).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }
}
