package io.trainscope.core.evaluation;

import io.trainscope.api.monitor.TrainingEndContext.Outcome;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.model.TrainedModel;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A trained run loads back into a network in one call, predicts like the original, and evaluates. */
class ModelLoadingAndEvaluationTest {

    @TempDir
    static Path root;
    private static TrainingResult run;

    @BeforeAll
    static void trainIrisWithStandardizationAndEarlyStopping() {
        run = TestTrainscope.get().trainer().train(TestTrainscope.resolve("""
                name: iris
                data: {source: iris, split: {train: 0.6, validation: 0.2, test: 0.2, seed: 3}}
                model: {hidden: [8], activation: tanh, init: xavier-normal, normalizers: [standardize]}
                training:
                  optimizer: {name: adam, learning-rate: 0.05}
                  epochs: 40
                  batch-size: 16
                  early-stopping: {metric: validation.accuracy, patience: 10}
                monitors: []
                """), RunOptions.defaults().withOutputRoot(root));
    }

    @Test
    void theLoadedModelPredictsExactlyWhatTheTrainedNetworkDid() {
        TrainedModel model = TestTrainscope.get().loadModel(run.directory());
        assertThat(run.outcome()).isIn(Outcome.COMPLETED, Outcome.EARLY_STOPPED);
        INDArray raw = Nd4j.create(new float[][]{{5.1f, 3.5f, 1.4f, 0.2f}, {6.7f, 3.0f, 5.2f, 2.3f}});
        INDArray expected = run.network().network().output(model.transform(raw), false);
        assertThat(model.predict(raw).ravel().toFloatVector()).containsExactly(expected.ravel().toFloatVector());
        assertThat(model.predictClasses(raw)).containsExactly(0, 2);
        assertThat(model.task().outputs()).isEqualTo(3);
    }

    @Test
    void evaluatingTheRunMeasuresTheSameTestSplitTheTrainerDid() {
        var evaluation = TestTrainscope.get().get(ModelEvaluator.class).evaluate(run.directory(), null, root);
        assertThat(evaluation.data()).startsWith("test split");
        assertThat(evaluation.result().examples()).isEqualTo(30);
        assertThat(evaluation.result().metric("accuracy")).isEqualTo(run.test().metric("accuracy"));
        assertThat(evaluation.result().confusion()).hasDimensions(3, 3);
        assertThat(EvaluationReport.text(evaluation)).contains("setosa", "precision", "confusion matrix");
    }

    @Test
    void evaluatesOnOtherDataGivenAsADataSection() {
        var data = new ConfigLoader().parseData("{source: iris}", "--data", Path.of(""));
        var evaluation = TestTrainscope.get().get(ModelEvaluator.class).evaluate(run.directory(), data, root);
        assertThat(evaluation.result().examples()).isEqualTo(150);
        assertThat(evaluation.result().metric("accuracy")).isGreaterThan(0.85);
    }

    @Test
    void refusesDataWithAnotherNumberOfFeatures() {
        var data = new ConfigLoader().parseData("{source: gaussian-classification, features: 7, classes: 3}", "--data",
                Path.of(""));
        assertThatThrownBy(() -> TestTrainscope.get().get(ModelEvaluator.class).evaluate(run.directory(), data, root))
                .hasMessage("the data has 7 features per example but the model was trained on 4; evaluate it on data of "
                        + "the same layout");
    }
}
