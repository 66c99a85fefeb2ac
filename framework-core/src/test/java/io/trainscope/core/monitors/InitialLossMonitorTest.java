package io.trainscope.core.monitors;

import io.trainscope.api.monitor.Pathology;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The initial-loss monitor: exact expectations with zero logits, and a network that starts far off. */
class InitialLossMonitorTest {

    private static final String CLASSIFIER = """
            data: {source: gaussian-classification, samples: 200, features: 30, classes: %d}
            model: {hidden: [64], activation: tanh, init: %s, output: {activation: %s}}
            training: {epochs: 2, batch-size: 50, seed: 6}
            monitors: [initial-loss]
            """;

    @Test
    void aSoftmaxWithZeroLogitsStartsAtExactlyLnC() {
        // zero weights and biases: every logit is 0, every class gets 1/C, the loss is ln C whatever the labels
        SeedRuns.Run run = SeedRuns.train(CLASSIFIER.formatted(7, "zeros", "softmax"));

        assertThat(run.value("initial.loss", 0, null)).isCloseTo(Math.log(7), within(1e-5));
        assertThat(run.value("initial.loss.expected", 0, null)).isCloseTo(Math.log(7), within(1e-12));
        assertThat(run.sink().metric("initial.loss")).hasSize(1);
        assertThat(run.findings(Pathology.BAD_INITIAL_LOSS)).isEmpty();
    }

    @Test
    void aSigmoidWithZeroLogitsStartsAtExactlyLn2() {
        SeedRuns.Run run = SeedRuns.train(CLASSIFIER.formatted(2, "zeros", "sigmoid"));

        assertThat(run.value("initial.loss", 0, null)).isCloseTo(Math.log(2), within(1e-5));
        assertThat(run.value("initial.loss.expected", 0, null)).isCloseTo(Math.log(2), within(1e-12));
    }

    @Test
    void largeInitialWeightsMakeAConfidentlyWrongStartThatIsReported() {
        // seed 002's mistake: N(0, 1) weights. 64 tanh units near +-1 give logits of std about 8 over 10 classes,
        // and the loss, about the gap between the largest logit and the label's, is several times ln 10
        SeedRuns.Run run = SeedRuns.train(CLASSIFIER.formatted(10, "{name: normal, std: 1.0}", "softmax"));
        double loss = run.value("initial.loss", 0, null);

        assertThat(loss).isGreaterThan(3 * Math.log(10));
        assertThat(run.findings(Pathology.BAD_INITIAL_LOSS)).singleElement().satisfies(f -> {
            assertThat(f.layer()).isEqualTo(1);
            assertThat(f.summary()).contains(String.format(Locale.ROOT, "%.3g times its expected value",
                    loss / Math.log(10)));
            assertThat(f.evidence()).anyMatch(e -> e.matches("initial loss [0-9.]+ vs expected 2\\.30 for ln 10, a "
                    + "softmax over 10 classes with equal probabilities \\(iteration 0, batch of 50\\)"));
            assertThat(f.evidence()).anyMatch(e -> e.startsWith("output logits: std "));
            assertThat(f.prescription()).contains("output layer's initial weights");
        });
    }

    @Test
    void regressionRecordsTheLossWithoutExpectation() {
        SeedRuns.Run run = SeedRuns.train("""
                data: {source: test-positive, samples: 40, features: 3, task: regression}
                model: {hidden: [4]}
                training: {epochs: 1, batch-size: 20}
                monitors: [initial-loss]
                """);

        assertThat(run.value("initial.loss", 0, null)).isPositive();
        assertThat(run.sink().metric("initial.loss.expected")).isEmpty();
    }
}
