package io.trainscope.examples.embedding;

import io.trainscope.core.Trainscope;
import io.trainscope.core.config.Experiment;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.instrument.InstrumentOptions;
import io.trainscope.core.instrument.InstrumentedRun;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.TrainingResult;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An application that embeds trainscope with a Guice module of its own ({@link ApplicationModule}:
 * its own run reporter, its own {@code live-feed} monitor pushing to its {@link LiveFeed}), then
 * trains an experiment written in code, instruments a DL4J network it built itself, and predicts
 * with both. framework-core and an SLF4J binding are its only trainscope dependencies.
 */
public final class EmbeddedApplication {

    static final int EPOCHS = 20;
    /** Two flowers' raw measurements (sepal and petal length and width, cm): a setosa and a virginica. */
    static final float[][] FLOWERS = {{5.1f, 3.5f, 1.4f, 0.2f}, {6.7f, 3.0f, 5.2f, 2.3f}};

    /**
     * What the application got.
     *
     * @param trained      the run trainscope trained
     * @param instrumented the run of the application's own network
     * @param predicted    the trained model's classes for {@link #FLOWERS}
     * @param ownAccuracy  the application's network's accuracy on the validation split
     * @param feed         every report the live feed received, in order
     */
    public record Outcome(TrainingResult trained, InstrumentedRun instrumented, int[] predicted, double ownAccuracy,
                          List<LiveFeed.EpochReport> feed) {
    }

    private EmbeddedApplication() {
    }

    /** Run with {@code ./trainscope example embedding [RUNS_DIR]} (default {@code runs}). */
    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("embedding [RUNS_DIR]: an application with its own Guice module trains an experiment "
                    + "written in code, instruments its own DL4J network and predicts; run folders go to RUNS_DIR "
                    + "(default runs)");
            return;
        }
        Outcome outcome = run(Path.of(args.length > 0 ? args[0] : "runs"));
        System.out.println("the application's live feed (its own monitor, pushed every epoch of both runs):");
        for (LiveFeed.EpochReport r : outcome.feed()) {
            StringBuilder validation = new StringBuilder();
            r.validation().forEach((k, v) -> validation.append(String.format(Locale.ROOT, "  validation %s %.4f", k, v)));
            System.out.printf(Locale.ROOT, "  %-14s epoch %2d  training loss %.4f%s%n", r.run(), r.epoch(), r.trainingLoss(),
                    validation);
        }
        System.out.println("trained: " + outcome.trained().directory() + ", predicts " + Arrays.toString(outcome.predicted())
                + " for a setosa and a virginica");
        System.out.printf(Locale.ROOT, "own network: %s, validation accuracy %.4f%n", outcome.instrumented().directory(),
                outcome.ownAccuracy());
    }

    /** Trains, instruments and predicts, with run folders under {@code runs}. */
    public static Outcome run(Path runs) {
        LiveFeed feed = new LiveFeed();
        Trainscope trainscope = Trainscope.create(new ApplicationModule(feed));     // trainscope's wiring, the application's module over it
        ResolvedExperiment experiment = trainscope.resolve(Experiment.builder("iris-embedded")
                .data("iris", Map.of()).split(0.8, 0.2, 0.0).hidden(8).normalizers("standardize")
                .optimizer("adam", Map.of("learning-rate", 0.02)).epochs(EPOCHS).batchSize(16).seed(1)
                .monitor("gradient-norms").monitor("live-feed")                        // the application's monitor, by name
                .build());
        RunOptions options = RunOptions.defaults().withOutputRoot(runs);
        PreparedData data = trainscope.trainer().prepare(experiment, options);
        TrainingResult trained = trainscope.trainer().trainOn(experiment, data, options);

        MultiLayerNetwork own = ownNetwork();                                         // the application's own DL4J network
        InstrumentedRun instrumented = trainscope.instrument(own, InstrumentOptions.defaults().root(runs)
                .name("own-network").monitors("gradient-norms", "live-feed"));
        try (instrumented) {
            own.fit(new ViewIterator(data.train(), 16), EPOCHS);                      // DL4J's own fit, watched
        }

        int[] predicted = trainscope.loadModel(trained.directory()).predictClasses(Nd4j.create(FLOWERS));
        double ownAccuracy = own.evaluate(new ViewIterator(data.validation(), 100)).accuracy();
        return new Outcome(trained, instrumented, predicted, ownAccuracy, feed.drain());
    }

    /** A 4-16-3 tanh network for standardized Iris measurements, built with DL4J's builders. */
    static MultiLayerNetwork ownNetwork() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(7)
                .updater(new Adam(0.02)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().name("hidden").nIn(4).nOut(16).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("output").nIn(16).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }
}
