package io.trainscope.cli.env;

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
 * Measures a training step of a small reference network (784-256-128-10 ReLU, softmax, batch 256,
 * plain SGD: GEMMs and ND4J's element-wise ops in the proportions of trainscope's MLPs) under the
 * thread settings of its process: {@code OMP_NUM_THREADS} from the environment, the BLAS threads
 * from its first argument (set with {@code Nd4j.factory().blas().setMaxThreads}). Run as a child
 * process by {@link ThreadCalibration}, it prints one line,
 * {@code samplesPerSecond=<median> loss=<score> parameterSum=<sum |w|>}; the last two, after a
 * fixed number of steps from a fixed start, let the parent check that the result matches one thread's.
 */
public final class StepProbe {

    private static final int BATCH = 256;
    private static final int WARMUP = 3;

    private StepProbe() {
    }

    public static void main(String[] args) {
        int blasThreads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Nd4j.factory().blas().setMaxThreads(blasThreads);
        StepResult r = run(reps);
        System.out.printf(Locale.ROOT, "samplesPerSecond=%.3f loss=%.9e parameterSum=%.9e%n", r.samplesPerSecond(),
                r.loss(), r.parameterSum());
    }

    /** Trains {@code reps} timed steps after a warm-up, from a fixed start on fixed data; returns the median speed. */
    static StepResult run(int reps) {
        Nd4j.getRandom().setSeed(17);
        INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, BATCH, 10);
        for (int i = 0; i < BATCH; i++) {
            y.putScalar(i, i % 10, 1f);
        }
        DataSet data = new DataSet(x, y);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(17).dataType(DataType.FLOAT).updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(128).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        for (int i = 0; i < WARMUP; i++) {
            net.fit(data);
        }
        double[] seconds = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            net.fit(data);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(seconds);
        return new StepResult(BATCH / seconds[reps / 2], net.score(data), net.params().norm1Number().doubleValue(), null);
    }
}
