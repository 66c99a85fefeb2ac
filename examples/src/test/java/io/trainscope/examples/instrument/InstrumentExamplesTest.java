package io.trainscope.examples.instrument;

import io.trainscope.core.Trainscope;
import io.trainscope.core.instrument.InstrumentedRun;
import io.trainscope.core.run.RunFolder;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instrumentation examples run as the README shows them, on MNIST-shaped random data: their
 * run folders are complete, report included, and name the application's layers.
 */
class InstrumentExamplesTest {

    private static final Trainscope TRAINSCOPE = Trainscope.create();

    @TempDir
    Path runs;

    /** {@code n} random 28 x 28 images in [0, 1] with one-hot labels over 10 classes. */
    private static DataSet images(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n * 784];
        float[] y = new float[n * 10];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        for (int i = 0; i < n; i++) {
            y[i * 10 + random.nextInt(10)] = 1f;
        }
        return new DataSet(Nd4j.create(x, new long[]{n, 784}, 'c'), Nd4j.create(y, new long[]{n, 10}, 'c'));
    }

    @Test
    void theLeNetExampleLeavesARunFolderWithItsReport() throws IOException {
        MultiLayerNetwork net = LeNetMnist.network(1);
        InstrumentedRun run = LeNetMnist.train(TRAINSCOPE, net, new ViewIterator(images(96, 1), 32), 2, runs);

        assertThat(run.epochs()).isEqualTo(2);
        assertThat(run.iterations()).isEqualTo(6);
        Path report = run.directory().resolve(RunFolder.REPORT);
        assertThat(report).isRegularFile();
        assertThat(Files.readString(report)).contains("conv1").contains("fc2");
        assertThat(Files.readString(run.directory().resolve(RunFolder.METRICS))).contains("\"layer_name\":\"conv2\"");
    }

    @Test
    void theResidualGraphExampleFollowsDl4jsEarlyStoppingTrainer() {
        ComputationGraph graph = ResidualGraph.network(2);
        EarlyStoppingResult<ComputationGraph> result = ResidualGraph.train(TRAINSCOPE, graph,
                new ViewIterator(images(64, 2), 32), new ViewIterator(images(32, 3), 32), 2, runs);

        assertThat(result.getTotalEpochs()).isEqualTo(2);
        assertThat(runs.toFile().list()).singleElement().asString().startsWith("residual-");
        Path folder = runs.resolve(runs.toFile().list()[0]);
        assertThat(folder.resolve(RunFolder.REPORT)).isRegularFile();
        assertThat(folder.resolve(RunFolder.FINDINGS)).isRegularFile();
    }
}
