package io.trainscope.examples.instrument;

import io.trainscope.api.monitor.Finding;
import io.trainscope.core.Trainscope;
import io.trainscope.core.instrument.InstrumentOptions;
import io.trainscope.core.instrument.InstrumentedRun;
import io.trainscope.examples.ExampleArgs;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.termination.ScoreImprovementEpochTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingGraphTrainer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.SplitTestAndTrain;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A residual network written as a DL4J {@code ComputationGraph} and trained by DL4J's own
 * {@code EarlyStoppingGraphTrainer}, watched by trainscope with one line. Each residual block is
 * {@code relu(x + dense(relu(dense(x))))}: two dense layers, an element-wise sum with the block's
 * input, then an activation layer.
 *
 * <p>Run: {@code ./trainscope example residual ../shared/datasets/mnist 10000 5} (MNIST folder, examples,
 * epochs; all optional).
 */
public final class ResidualGraph {

    static final int WIDTH = 128;

    private ResidualGraph() {
    }

    /** 784 inputs, a 128-unit stem, two residual blocks, 10 softmax outputs. */
    public static ComputationGraph network(long seed) {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(1e-3)).weightInit(WeightInit.RELU)
                .graphBuilder().addInputs("pixels")
                .addLayer("stem", new DenseLayer.Builder().nIn(784).nOut(WIDTH).activation(Activation.RELU).build(),
                        "pixels");
        String input = "stem";
        for (int b = 1; b <= 2; b++) {
            String block = "block" + b;
            g.addLayer(block + "-a", new DenseLayer.Builder().nIn(WIDTH).nOut(WIDTH).activation(Activation.RELU).build(),
                            input)
                    .addLayer(block + "-b", new DenseLayer.Builder().nIn(WIDTH).nOut(WIDTH)
                            .activation(Activation.IDENTITY).build(), block + "-a")
                    .addVertex(block + "-sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), input, block + "-b")
                    .addLayer(block, new ActivationLayer.Builder().activation(Activation.RELU).build(), block + "-sum");
            input = block;
        }
        g.addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(WIDTH).nOut(10)
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build(), input).setOutputs("out");
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        return graph;
    }

    /** DL4J's early-stopping trainer on {@code train}, scored on {@code validation}, while trainscope watches. */
    public static EarlyStoppingResult<ComputationGraph> train(Trainscope trainscope, ComputationGraph graph,
                                                             DataSetIterator train, DataSetIterator validation,
                                                             int maxEpochs, Path runs) {
        EarlyStoppingConfiguration<ComputationGraph> early = new EarlyStoppingConfiguration.Builder<ComputationGraph>()
                .epochTerminationConditions(new MaxEpochsTerminationCondition(maxEpochs),
                        new ScoreImprovementEpochTerminationCondition(2))
                .scoreCalculator(new DataSetLossCalculator(validation, true))
                .modelSaver(new InMemoryModelSaver<>()).build();
        try (InstrumentedRun run = trainscope.instrument(graph, InstrumentOptions.defaults().root(runs).name("residual")
                .monitors("gradient-norms", "saturation", "variance-flow", "update-ratio", "non-finite"))) {
            EarlyStoppingResult<ComputationGraph> result = new EarlyStoppingGraphTrainer(early, graph, train).fit();
            System.out.println("run folder: " + run.directory());
            for (Finding f : run.findings()) {
                System.out.println(f.severity() + " " + f.summary() + "\n  fix: " + f.prescription());
            }
            return result;
        }
    }

    public static void main(String[] args) throws IOException {
        ExampleArgs options = ExampleArgs.parse(args, "data", "examples", "epochs", "runs");
        if (options.help()) {
            System.out.println("residual [--data MNIST_DIR] [--examples 10000] [--epochs 5] [--runs DIR]: a residual "
                    + "ComputationGraph under DL4J's early-stopping trainer (at most EPOCHS epochs) on the first EXAMPLES "
                    + "t10k images, instrumented; the run folder goes to --runs (default runs)");
            return;
        }
        Path mnist = options.folder("data", MnistFiles.DEFAULT);
        int examples = options.integer("examples", 10_000, 20);
        int epochs = options.integer("epochs", 5, 1);
        SplitTestAndTrain split = MnistFiles.t10k(mnist, examples).splitTestAndTrain(0.9);
        EarlyStoppingResult<ComputationGraph> result = train(Trainscope.create(), network(42),
                new ViewIterator(split.getTrain(), 64), new ViewIterator(split.getTest(), 500), epochs,
                Path.of(options.text("runs", "runs")));
        // the best epoch's score from the trainer's record: DL4J's getBestModelScore() reads the copy's score field
        System.out.printf("early stopping: %s after %d epochs, best validation loss %.4f at epoch %d%n",
                result.getTerminationReason(), result.getTotalEpochs(),
                result.getScoreVsEpoch().get(result.getBestModelEpoch()), result.getBestModelEpoch());
    }
}
