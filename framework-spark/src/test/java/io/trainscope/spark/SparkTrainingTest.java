package io.trainscope.spark;

import io.trainscope.api.monitor.TrainingEndContext.Outcome;
import io.trainscope.core.Trainscope;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.config.ExperimentSpec;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.run.Measurement;
import io.trainscope.core.run.RunFolder;
import io.trainscope.core.training.ResumeOptions;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.TrainerMetrics;
import io.trainscope.core.training.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code training.backend: spark} end to end on local[2]: the same config, monitors, run folder,
 * report and checkpoints as a local run, and a resume between epochs that ends where an
 * uninterrupted run ends.
 */
class SparkTrainingTest {

    /** 480 training examples on 2 workers, 16 per mini-batch, averaged every 3: 5 rounds per epoch. */
    private static final String CONFIG = """
            name: spark-test
            data: {source: gaussian-classification, samples: 600, classes: 3, features: 10, labels: linear,
                   split: {train: 0.8, validation: 0.1, test: 0.1}}
            model: {hidden: [16, 8]}
            training:
              optimizer: {name: adam, learning-rate: 0.01}
              epochs: 3
              batch-size: 16
              seed: 5
              backend: spark
              spark: {workers: 2, averaging-frequency: 3}
            monitors:
              - {name: gradient-norms, every: 6}
              - dead-neurons
            """;
    private static final int ROUNDS_PER_EPOCH = 5;

    private static Trainscope trainscope;
    private static ExperimentSpec spec;

    @BeforeAll
    static void setUp() {
        trainscope = Trainscope.create();
        spec = new ConfigLoader().parse(CONFIG, "spark-test", "test config", Path.of("."));
    }

    private static TrainingResult train(ExperimentSpec experiment, Path runs, InMemoryMeasurements sink) {
        return trainscope.trainer().train(trainscope.resolve(experiment),
                RunOptions.defaults().withOutputRoot(runs).withExtraSink(sink));
    }

    @Test
    void trainsOnLocalTwoWithMonitorsReportAndCheckpoints(@TempDir Path runs) throws IOException {
        InMemoryMeasurements m = new InMemoryMeasurements();
        TrainingResult result = train(spec, runs, m);

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(result.iterations()).isEqualTo(3 * 15);
        List<Measurement> roundLosses = m.metric(TrainerMetrics.LOSS.name());
        assertThat(roundLosses).hasSize(3 * ROUNDS_PER_EPOCH).allMatch(x -> Double.isFinite(x.value()));
        List<Double> epochLosses = m.metric(TrainerMetrics.EPOCH_LOSS.name()).stream().map(Measurement::value).toList();
        assertThat(epochLosses).hasSize(3);
        assertThat(epochLosses.get(2)).isLessThan(epochLosses.get(0));
        for (String name : List.of("loss", "accuracy")) {
            assertThat(m.metric(TrainerMetrics.validation(name).name())).extracting(Measurement::epoch)
                    .containsExactly(0, 1, 2);
            assertThat(m.metric(TrainerMetrics.test(name).name())).hasSize(1);
        }
        assertThat(result.test().metric("accuracy")).isGreaterThan(0.7);
        // gradient-norms sees the averaged network at the sampled iterations 0, 6, ... (driver probes)
        assertThat(m.all()).filteredOn(x -> x.monitor().equals("gradient-norms") && x.layer() != null)
                .extracting(Measurement::iteration).contains(0L, 6L, 12L, 42L);
        // dead-neurons: a pass over the training set at the start, then each epoch over its probes' batches
        assertThat(m.all()).filteredOn(x -> x.monitor().equals("dead-neurons")).extracting(Measurement::epoch)
                .contains(0, 1, 2);

        Path folder = result.directory();
        assertThat(Files.readAllLines(folder.resolve(RunFolder.METRICS))).hasSize(m.all().size());
        assertThat(folder.resolve("checkpoints/epoch-0003.zip")).exists();
        assertThat(folder.resolve(RunFolder.REPORT)).exists();
        assertThat(Files.readString(folder.resolve(RunFolder.CONFIG))).contains("backend: spark");
    }

    @Test
    void resumesBetweenEpochsToTheSameModel(@TempDir Path runs) {
        TrainingResult straight = train(spec, runs.resolve("straight"), new InMemoryMeasurements());
        TrainingResult firstTwo = train(spec.withTraining(spec.training().withEpochs(2)), runs.resolve("resumed"),
                new InMemoryMeasurements());
        TrainingResult resumed = trainscope.trainer().resume(firstTwo.directory(),
                RunOptions.defaults().withOutputRoot(runs.resolve("resumed")), ResumeOptions.NONE.withEpochs(3));

        assertThat(resumed.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(resumed.iterations()).isEqualTo(straight.iterations());
        assertThat(resumed.network().network().params().toFloatVector())
                .containsExactly(straight.network().network().params().toFloatVector());
    }
}
