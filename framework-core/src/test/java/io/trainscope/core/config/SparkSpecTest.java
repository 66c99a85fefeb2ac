package io.trainscope.core.config;

import io.trainscope.core.TestTrainscope;
import io.trainscope.core.training.RunOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code training.backend} and {@code training.spark}: read, defaulted, checked and written back. */
class SparkSpecTest {

    private static final String MINIMAL = "data: {source: iris}\nmodel: {hidden: [4]}\n";

    @Test
    void trainsLocallyWhenNoBackendIsGiven() {
        TrainingSpec training = TestTrainscope.parse(MINIMAL).training();
        assertThat(training.spark()).isNull();
        assertThat(training.backend()).isEqualTo("local");
    }

    @Test
    void fillsEverySparkSettingFromTheWorkersAndTheBatchSize() {
        SparkSpec spark = TestTrainscope.parse(MINIMAL + "training: {batch-size: 16, backend: spark, spark: {workers: 3}}\n")
                .training().spark();
        assertThat(spark).isEqualTo(new SparkSpec("local[3]", 3, 16, 5, "parameter-averaging"));
    }

    @Test
    void acceptsAnyMasterUrl() {
        SparkSpec spark = TestTrainscope.parse(MINIMAL + """
                training:
                  backend: spark
                  spark: {master: "spark://head:7077", workers: 8, batch-size-per-worker: 32, averaging-frequency: 10}
                """).training().spark();
        assertThat(spark).isEqualTo(new SparkSpec("spark://head:7077", 8, 32, 10, "parameter-averaging"));
    }

    @Test
    void rejectsAnUnknownBackendSuggestingTheClosestOne() {
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + "training: {backend: sparc}\n"))
                .hasMessage("training.backend: must be one of local, spark, got 'sparc'; did you mean 'spark'?");
    }

    @Test
    void rejectsSparkSettingsForTheLocalBackend() {
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + "training: {spark: {workers: 2}}\n"))
                .hasMessage("training.spark: is used only with 'backend: spark'; add 'backend: spark' to 'training' "
                        + "or remove this section");
    }

    @Test
    void rejectsAnUnknownTrainingMaster() {
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL
                + "training: {backend: spark, spark: {training-master: gradient-sharing}}\n"))
                .hasMessageStartingWith("training.spark.training-master: must be one of parameter-averaging, "
                        + "got 'gradient-sharing'");
    }

    @Test
    void namesTheFieldOfABadWorkerCount() {
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + "training: {backend: spark, spark: {workers: 0}}\n"))
                .hasMessage("training.spark.workers: must be an integer >= 1, got 0");
    }

    @Test
    void aRunsConfigReadsBackToTheSameSparkSettings() {
        ResolvedExperiment e = TestTrainscope.resolve(MINIMAL + "training: {backend: spark, spark: {averaging-frequency: 2}}\n");
        String yaml = ResolvedConfigWriter.toYaml(e);
        assertThat(TestTrainscope.parse(yaml).training().spark()).isEqualTo(e.spec().training().spark());
        assertThat(yaml).contains("backend: spark");
    }

    @Test
    void refusesToTrainOnSparkWhenFrameworkSparkIsNotOnTheClasspath() {
        ResolvedExperiment e = TestTrainscope.resolve(MINIMAL + "training: {backend: spark}\n");
        assertThatThrownBy(() -> TestTrainscope.get().trainer().train(e, RunOptions.inMemory(m -> { })))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("training.backend: spark: this config trains on Apache Spark, and framework-spark "
                        + "is not on the classpath; run it with ./trainscope train");
    }

    @Test
    void keepsTheBackendWhenTheSeedsAreReplaced() {
        TrainingSpec training = TestTrainscope.parse(MINIMAL + "training: {backend: spark}\n").training();
        assertThat(training.withSeeds(java.util.List.of(1L, 2L)).spark()).isEqualTo(training.spark());
    }
}
