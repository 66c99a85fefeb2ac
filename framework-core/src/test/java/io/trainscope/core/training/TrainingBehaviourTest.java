package io.trainscope.core.training;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.TrainingEndContext.Outcome;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.run.Measurement;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** End-to-end behaviour of the trainer with real DL4J training on small synthetic problems. */
class TrainingBehaviourTest {

    private static final String LEARNABLE = """
            data: {source: gaussian-classification, samples: 400, features: 10, labels: linear}
            model: {hidden: [16, 16], activation: relu, init: he-normal}
            training: {optimizer: {name: adam, learning-rate: 0.01}, epochs: 8, batch-size: 32, seed: %d}
            monitors: []
            """;

    private static TrainingResult train(String yaml, InMemoryMeasurements sink) {
        return TestTrainscope.get().trainer().train(TestTrainscope.resolve(yaml), RunOptions.inMemory(sink));
    }

    @Test
    void trainingLowersTheLossOnALearnableProblem() {
        InMemoryMeasurements sink = new InMemoryMeasurements();
        TrainingResult result = train(LEARNABLE.formatted(3), sink);
        List<Double> epochLoss = sink.metric("epoch.train.loss").stream().map(Measurement::value).toList();
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(epochLoss).hasSize(8);
        assertThat(epochLoss.get(7)).isLessThan(0.5 * epochLoss.get(0));
    }

    @Test
    void oneSeedGivesIdenticalWeightsAndAnotherSeedDifferentOnes() {
        var a = train(LEARNABLE.formatted(11), new InMemoryMeasurements()).network().network().params().dup();
        var b = train(LEARNABLE.formatted(11), new InMemoryMeasurements()).network().network().params().dup();
        var c = train(LEARNABLE.formatted(12), new InMemoryMeasurements()).network().network().params().dup();
        assertThat(a.toFloatVector()).containsExactly(b.toFloatVector());
        assertThat(a.toFloatVector()).isNotEqualTo(c.toFloatVector());
    }

    @Test
    void monitorsWatchTrainingWithoutChangingItEvenWhenTheyAskForPassesOverTheData() {
        String adam = LEARNABLE.formatted(5).replace("epochs: 8", "epochs: 3");
        var watched = adam.replace("monitors: []", "monitors: [dead-neurons, {name: gradient-norms, every: 1}]");
        float[] unwatched = train(adam, new InMemoryMeasurements()).network().network().params().toFloatVector();
        assertThat(train(watched, new InMemoryMeasurements()).network().network().params().toFloatVector())
                .as("a dataset pass between epochs must leave Adam's moments alone").containsExactly(unwatched);
    }

    @Test
    void deadNeuronsReportsExactlyTheUnitsThatAreDeadByConstruction() {
        InMemoryMeasurements sink = new InMemoryMeasurements();
        TrainingResult result = train("""
                data: {source: test-positive, samples: 50, features: 4}
                model: {hidden: [5, 5], activation: relu, init: {name: test-dead-units, dead: [1, 3]}}
                training: {optimizer: {name: sgd, learning-rate: 0.000001}, epochs: 1, batch-size: 50}
                monitors: [{name: dead-neurons, threshold: 0}]
                """, sink);
        assertThat(sink.value("layer.dead.units", 0, 0)).isEqualTo(2.0);
        assertThat(sink.value("layer.dead.units", 0, 1)).isEqualTo(2.0);
        assertThat(sink.value("layer.dead.percent", 0, 0)).isEqualTo(40.0);
        List<Finding> dead = result.findings().stream().filter(f -> f.pathology().equals(Pathology.DEAD_UNITS)).toList();
        assertThat(dead).extracting(Finding::layer).containsExactly(0, 1);
        assertThat(dead).allSatisfy(f -> assertThat(f.evidence()).contains("dead units: [1, 3]"));
    }

    @Test
    void aHealthyReluNetworkHasNoDeadUnitsAtInitialization() {
        InMemoryMeasurements sink = new InMemoryMeasurements();
        train("""
                data: {source: test-positive, samples: 50, features: 4}
                model: {hidden: [5, 5], activation: relu, init: {name: test-dead-units, dead: []}}
                training: {epochs: 1, batch-size: 50}
                monitors: [dead-neurons]
                """, sink);
        assertThat(sink.value("layer.dead.units", 0, 0)).isZero();
        assertThat(sink.value("layer.dead.units", 0, 1)).isZero();
    }

    @Test
    void gradientNormsEqualAGradientComputedByHand() {
        InMemoryMeasurements sink = new InMemoryMeasurements();
        train("""
                data: {source: test-positive, samples: 8, features: 3, task: regression}
                model: {hidden: [2], activation: identity, init: test-formula}
                training: {epochs: 1, batch-size: 8, seed: 5}
                monitors: [{name: gradient-norms, every: 1}]
                """, sink);
        double[] expected = HandGradient.norms(5, 8, 3, 2);
        assertThat(sink.value("layer.gradient.norm", 0, 0)).isCloseTo(expected[0], Percentage.withPercentage(0.01));
        assertThat(sink.value("layer.gradient.norm", 0, 1)).isCloseTo(expected[1], Percentage.withPercentage(0.01));
    }

    @Test
    void aMonitorThatThrowsIsDisabledAndReportedWhileTrainingGoesOn() {
        InMemoryMeasurements sink = new InMemoryMeasurements();
        TrainingResult result = train("""
                data: {source: test-positive, samples: 40, features: 3}
                model: {hidden: [4]}
                training: {epochs: 3, batch-size: 20}
                monitors: [test-throwing, {name: gradient-norms, every: 1}]
                """, sink);
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(result.findings()).filteredOn(f -> f.pathology().equals(Pathology.MONITOR_FAILURE))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.monitor()).isEqualTo("test-throwing");
                    assertThat(f.evidence()).containsExactly("boom in onBackward at iteration 0",
                            "hook onBackward at iteration 0 (epoch 0)");
                });
        assertThat(sink.metric("gradient.norm.ratio")).hasSize(6);
    }

    @Test
    void aMeasurementOfAnUndeclaredMetricDisablesItsMonitorAndIsNeverWritten() {
        InMemoryMeasurements sink = new InMemoryMeasurements();
        TrainingResult result = train("""
                data: {source: test-positive, samples: 40, features: 3}
                model: {hidden: [4]}
                training: {epochs: 2, batch-size: 20}
                monitors: [test-undeclared]
                """, sink);
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(result.findings()).filteredOn(f -> f.pathology().equals(Pathology.MONITOR_FAILURE)).singleElement()
                .satisfies(f -> assertThat(f.evidence().get(0)).isEqualTo("monitor 'test-undeclared' recorded metric "
                        + "'test.undeclared', which its metrics() does not declare; declare every metric it records"));
        assertThat(sink.metric("test.undeclared")).isEmpty();
    }

    @Test
    void aMonitorCanStopTheRun() {
        TrainingResult result = train("""
                data: {source: test-positive, samples: 40, features: 3}
                model: {hidden: [4]}
                training: {epochs: 5, batch-size: 20}
                monitors: [{name: test-stop-after, iteration: 3}]
                """, new InMemoryMeasurements());
        assertThat(result.outcome()).isEqualTo(Outcome.STOPPED_BY_MONITOR);
        assertThat(result.reason()).isEqualTo("test-stop-after: asked to stop at iteration 3");
        assertThat(result.failed()).as("a stop without a critical finding is not a failure").isFalse();
        assertThat(result.iterations()).isEqualTo(4);
    }
}
