package io.trainscope.spark;

import io.trainscope.core.Trainscope;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.config.SparkSpec;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.evaluation.EvaluationResult;
import io.trainscope.core.evaluation.Evaluator;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.model.NetworkBuilder;
import io.trainscope.core.training.RunOptions;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Parameter averaging in rounds on local[2]: every example once per epoch, a falling loss, distributed evaluation. */
class ParameterAveragingTest {

    private static final SparkSpec SPARK = new SparkSpec("local[2]", 2, 16, 3, "parameter-averaging");
    private static JavaSparkContext sc;
    private static PreparedData data;
    private static BuiltNetwork built;

    @BeforeAll
    static void setUp() {
        Trainscope trainscope = Trainscope.create();
        ResolvedExperiment experiment = trainscope.resolve(new ConfigLoader().parse("""
                data: {source: gaussian-classification, samples: 600, classes: 3, labels: linear, split: {train: 0.8, validation: 0.2}}
                model: {hidden: [16, 8]}
                """, "averaging", "test config", Path.of(".")));
        data = trainscope.trainer().prepare(experiment, RunOptions.inMemory(m -> { }));
        built = trainscope.get(NetworkBuilder.class).build(experiment, data.inputs(), data.head(), 3, new Adam(0.01));
        sc = SparkContexts.open(SPARK, "test");
    }

    @Test
    void trainsEveryExampleOncePerEpochAndTheLossFalls() {
        ParameterAveraging averaging = new ParameterAveraging(sc, built.network(), SPARK, 1);
        List<Double> losses = new ArrayList<>();
        try (ShardedDataSet train = new ShardedDataSet(sc, data.train(), SPARK.workers())) {
            for (int epoch = 0; epoch < 3; epoch++) {
                long examples = 0;
                try (EpochRounds rounds = new EpochRounds(train, 1, epoch, SPARK.batchSizePerWorker(),
                        SPARK.averagingFrequency())) {
                    for (int r = 0; r < rounds.rounds(); r++) {
                        var figures = averaging.train(rounds.round(r), SPARK.averagingFrequency());
                        examples += figures.examples();
                        losses.add(figures.loss());
                    }
                }
                assertThat(examples).isEqualTo(data.trainingExamples());
            }
        }
        assertThat(losses).allMatch(Double::isFinite);
        assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) * 0.7);
        assertThat(built.network().getIterationCount()).isEqualTo(3 * 5 * SPARK.averagingFrequency());
    }

    @Test
    void evaluatesOnTheExecutorsAsTheDriverWould() {
        ParameterAveraging averaging = new ParameterAveraging(sc, built.network(), SPARK, 1);
        try (ShardedDataSet validation = new ShardedDataSet(sc, data.validation(), SPARK.workers())) {
            EvaluationResult distributed = DistributedEvaluation.evaluate(averaging.sparkNetwork(), validation,
                    data.head(), 32);
            EvaluationResult local = Evaluator.evaluate(built.network(), data.validation(), data.head(), 32);
            assertThat(distributed.examples()).isEqualTo(local.examples());
            assertThat(distributed.metric("loss")).isCloseTo(local.metric("loss"), within(1e-5));
            assertThat(distributed.metric("accuracy")).isEqualTo(local.metric("accuracy"));
            assertThat(distributed.confusion()).isDeepEqualTo(local.confusion());
        }
    }
}
