package io.trainscope.examples.instrument;

import io.trainscope.api.monitor.Finding;
import io.trainscope.core.Trainscope;
import io.trainscope.core.instrument.InstrumentOptions;
import io.trainscope.core.instrument.InstrumentedRun;
import io.trainscope.examples.ExampleArgs;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.SplitTestAndTrain;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A LeNet-5 written with DL4J's own builders and trained with DL4J's own {@code fit}, watched by
 * trainscope with one line: the README's instrumentation snippet is {@link #train}'s body.
 *
 * <p>Run: {@code ./trainscope example lenet ../shared/datasets/mnist 10000 2}
 * (MNIST folder, examples, epochs; all optional); the run folder with its {@code report.html} goes to {@code runs/}.
 */
public final class LeNetMnist {

    private LeNetMnist() {
    }

    /** LeNet-5 on 28 x 28 grey images: two convolution and pooling stages, then 120, 84 and 10 units. */
    public static MultiLayerNetwork network(long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(1e-3)).weightInit(WeightInit.RELU)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).name("conv1").nOut(6).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool1").kernelSize(2, 2)
                        .stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).name("conv2").nOut(16).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool2").kernelSize(2, 2)
                        .stride(2, 2).build())
                .layer(new DenseLayer.Builder().name("fc1").nOut(120).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().name("fc2").nOut(84).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(10)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** Trains {@code net} for {@code epochs} with DL4J's fit while trainscope watches; returns the closed run. */
    public static InstrumentedRun train(Trainscope trainscope, MultiLayerNetwork net, DataSetIterator data, int epochs,
                                        Path runs) {
        // --- README snippet: instrument ---
        InstrumentOptions options = InstrumentOptions.defaults().root(runs).name("lenet")
                .monitors("gradient-norms", "saturation", "update-ratio", "variance-flow", "non-finite")
                .monitor("histograms", Map.of("every-epochs", 1));
        InstrumentedRun run = trainscope.instrument(net, options);      // the one line
        try (run) {
            net.fit(data, epochs);                                       // DL4J's own fit, unchanged
        }                                                                // closing writes the run folder and report
        // --- end of snippet ---
        return run;
    }

    public static void main(String[] args) throws IOException {
        ExampleArgs options = ExampleArgs.parse(args, "data", "examples", "epochs", "runs");
        if (options.help()) {
            System.out.println("lenet [--data MNIST_DIR] [--examples 10000] [--epochs 2] [--runs DIR]: a LeNet-5 trained "
                    + "with DL4J's fit on the first EXAMPLES t10k images (9 in 10 to train), instrumented; the run folder "
                    + "goes to --runs (default runs)");
            return;
        }
        Path mnist = options.folder("data", MnistFiles.DEFAULT);
        int examples = options.integer("examples", 10_000, 20);
        int epochs = options.integer("epochs", 2, 1);
        SplitTestAndTrain split = MnistFiles.t10k(mnist, examples).splitTestAndTrain(0.9);
        MultiLayerNetwork net = network(42);
        InstrumentedRun run = train(Trainscope.create(), net, new ViewIterator(split.getTrain(), 64), epochs,
                Path.of(options.text("runs", "runs")));
        DataSet test = split.getTest();
        System.out.printf("accuracy on %d held-out images: %.4f%n", test.numExamples(),
                net.evaluate(new ViewIterator(test, 500)).accuracy());
        System.out.println("run folder: " + run.directory() + " (report.html inside; trainscope report RUN_DIR rebuilds it)");
        for (Finding f : run.findings()) {
            System.out.println(f.severity() + " " + f.summary() + "\n  fix: " + f.prescription());
        }
    }
}
