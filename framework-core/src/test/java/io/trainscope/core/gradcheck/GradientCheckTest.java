package io.trainscope.core.gradcheck;

import io.trainscope.core.ForgottenSquareTanh;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.plugin.Configured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gradient check of a config's network: correct networks pass tensor by tensor, a wrong
 * activation derivative fails and is named, dropout and weight decay are off during the check,
 * and ND4J's defaults are what they were before.
 */
class GradientCheckTest {

    private static final String MIXED = """
            name: mixed
            data: {source: iris}
            model:
              layers:
                - {units: 6, activation: tanh, init: xavier-normal}
                - {units: 5, activation: relu, init: he-normal, dropout: 0.3}
                - {units: 4, activation: sigmoid, init: xavier-normal}
              normalizers: [batchnorm]
            training: {seed: 3, weight-decay: {type: l2, value: 0.01}}
            """;

    private static GradientCheckReport mixed;

    @BeforeAll
    static void checkTheMixedNetwork() {
        mixed = check(TestTrainscope.resolve(MIXED), GradientCheckOptions.DEFAULTS);
    }

    private static GradientCheckReport check(ResolvedExperiment experiment, GradientCheckOptions options) {
        return TestTrainscope.get().get(GradientCheck.class).run(experiment, options);
    }

    @Test
    void aTanhReluSigmoidBatchNormNetworkPassesEveryTensor() {
        assertThat(mixed.passed()).as(GradientCheckTable.render(mixed)).isTrue();
        assertThat(mixed.tensors()).extracting(TensorCheck::name).contains("hidden-0 W", "hidden-0 b",
                "hidden-0 batchnorm gamma", "hidden-0 batchnorm beta", "hidden-2 W", "output W", "output b");
        assertThat(mixed.tensors()).extracting(TensorCheck::name).noneMatch(n -> n.contains("mean") || n.contains("var"));
        assertThat(mixed.tensor("hidden-1 W").maxAbs()).isLessThan(1e-5 * mixed.tensor("hidden-1 W").scale());
        assertThat(mixed.tensor("hidden-1 W").scale()).isPositive();
        assertThat(mixed.tensor("output W").float32Diff()).isBetween(0.0, 1e-4);
        assertThat(GradientCheckTable.render(mixed)).contains("PASS: every tensor agrees");
    }

    @Test
    void aBiasThatBatchNormCancelsHasAZeroGradientAndIsSaidToProveNothing() {
        TensorCheck bias = mixed.tensor("hidden-0 b");
        assertThat(bias.zero()).isTrue();
        assertThat(bias.agrees()).isTrue();
        assertThat(bias.float32Diff()).isNaN();
        assertThat(mixed.tensor("hidden-0 W").zero()).isFalse();
        assertThat(GradientCheckTable.render(mixed)).contains("3 tensors have a zero gradient at every checked entry");
    }

    @Test
    void dropoutAndWeightDecayAreOffAndSaid() {
        assertThat(mixed.changes()).containsExactly("dropout 0.3 of hidden-1", "weight decay (l2)");
        assertThat(GradientCheckTable.render(mixed)).contains("this config had dropout 0.3 of hidden-1, weight decay (l2)");
    }

    @Test
    void checksAllEntriesOfASmallTensorAndASeededSampleOfALargeOne() {
        assertThat(mixed.tensor("hidden-0 W").checked()).isEqualTo(24);
        assertThat(mixed.tensor("hidden-0 W").size()).isEqualTo(24);
        GradientCheckReport few = check(TestTrainscope.resolve(MIXED), new GradientCheckOptions(8, 5, 7, 1e-6, 1e-5));
        assertThat(few.examples()).isEqualTo(8);
        assertThat(few.tensor("hidden-0 W").checked()).isEqualTo(5);
        assertThat(few.tensor("output b").checked()).isEqualTo(3);
    }

    @Test
    void aWrongActivationDerivativeFailsAndTheTensorsAreNamed() {
        ResolvedExperiment tanh = TestTrainscope.resolve("""
                name: broken
                data: {source: iris}
                model: {hidden: [6, 5], activation: tanh, init: xavier-normal}
                """);
        ResolvedExperiment broken = new ResolvedExperiment(tanh.spec(), tanh.dataSource(),
                new Configured<>(new ForgottenSquareTanh(), Parameters.empty()), tanh.init(), tanh.normalizers(),
                tanh.optimizer(), tanh.optimizerParams(), tanh.schedule(), tanh.scheduleParams(), tanh.monitors());

        GradientCheckReport report = check(broken, GradientCheckOptions.DEFAULTS);

        assertThat(report.passed()).isFalse();
        assertThat(report.inconclusive()).isFalse();
        assertThat(report.failing()).extracting(TensorCheck::name)
                .containsExactly("hidden-0 W", "hidden-0 b", "hidden-1 W", "hidden-1 b");
        assertThat(report.tensor("output W").agrees()).isTrue();
        assertThat(report.tensor("hidden-1 W").maxRel()).isGreaterThan(0.01);
        assertThat(GradientCheckTable.verdict(report)).startsWith("FAIL: the analytic gradient disagrees with the "
                + "central difference in hidden-0 W, hidden-0 b, hidden-1 W, hidden-1 b;");
        assertThat(check(tanh, GradientCheckOptions.DEFAULTS).passed()).isTrue();
    }

    @Test
    void unitsSittingExactlyOnTheReluKinkAgreeAsOneSidedDerivatives() {
        // hidden-0's zero weights and biases give hidden-1 the pre-activation 0 exactly: relu's kink
        GradientCheckReport report = check(TestTrainscope.resolve("""
                name: kink
                data: {source: iris}
                model:
                  layers:
                    - {units: 4, activation: relu, init: zeros}
                    - {units: 3, activation: relu, init: he-normal, bias-init: zeros}
                """), GradientCheckOptions.DEFAULTS);

        assertThat(report.passed()).as(GradientCheckTable.render(report)).isTrue();
        assertThat(report.tensor("hidden-1 b").kinks()).isPositive();
        assertThat(GradientCheckTable.verdict(report)).contains("at a kink, as a one-sided derivative");
    }

    @Test
    void aNetworkWhoseLossOverflowsHasNothingToCompareAndFails() {
        GradientCheckReport report = check(TestTrainscope.resolve("""
                name: overflow
                data: {source: gaussian-classification, samples: 64, features: 64, classes: 10}
                model: {hidden: [64, 64, 64], activation: relu, init: {name: normal, std: 1.0}}
                """), GradientCheckOptions.DEFAULTS);

        assertThat(report.checkable()).isFalse();
        assertThat(report.passed()).isFalse();
        assertThat(report.tensors()).isEmpty();
        assertThat(GradientCheckTable.verdict(report)).startsWith("FAIL: nothing to compare: the loss at the initial "
                + "weights is NaN in float64");
    }

    @Test
    void signalsShrinkingBelowTheStepMakeTheCheckInconclusiveNotWrong() {
        // N(0, 0.001²) weights: relu pre-activations fall below h = 1e-6 by the third layer
        GradientCheckReport report = check(TestTrainscope.resolve("""
                name: shrinking
                data: {source: gaussian-classification, samples: 64, features: 20, classes: 4}
                model: {hidden: {layers: 5, units: 64}, activation: relu, init: {name: normal, std: 0.001}}
                """), GradientCheckOptions.DEFAULTS);

        assertThat(report.passed()).isFalse();
        assertThat(report.inconclusive()).as(GradientCheckTable.render(report)).isTrue();
        assertThat(GradientCheckTable.verdict(report)).startsWith("FAIL (inconclusive): ")
                .contains("cannot be judged by difference quotients", "they show no wrong derivative");
    }

    @Test
    void leavesNd4jDefaultsAsTheyWere() {
        DataType before = Nd4j.dataType();
        DataType beforeFloat = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        try {
            check(TestTrainscope.resolve(MIXED), new GradientCheckOptions(4, 2, 1, 1e-6, 1e-5));
            assertThat(Nd4j.dataType()).isEqualTo(DataType.FLOAT);
            assertThat(Nd4j.defaultFloatingPointType()).isEqualTo(DataType.FLOAT);
        } finally {
            Nd4j.setDefaultDataTypes(before, beforeFloat);
        }
    }
}
