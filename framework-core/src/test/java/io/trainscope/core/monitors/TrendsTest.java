package io.trainscope.core.monitors;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.core.run.Measurement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The trends the foundation monitors gained: units dying during training, gradient norms per epoch. */
class TrendsTest {

    @Test
    void deadNeuronsReportsUnitsThatDieDuringTraining() {
        // every weight +0.5 on positive inputs: all units alive at the start; the output (about 7) is far above the
        // target (about 2.2), and one huge SGD step drives the second layer's weights negative, killing all its units.
        // By default: a pass at the start, then each epoch over its training batch (epoch 1's before that step)
        SeedRuns.Run run = SeedRuns.train("""
                data: {source: test-positive, samples: 40, features: 4, task: regression}
                model: {hidden: [5, 5], activation: relu, init: {name: test-dead-units, dead: []}}
                training: {optimizer: {name: sgd, learning-rate: 1.0}, epochs: 2, batch-size: 40}
                monitors: [dead-neurons]
                """);
        List<Double> secondLayer = run.sink().metric("layer.dead.percent").stream()
                .filter(m -> m.layer() == 1).map(Measurement::value).toList();

        assertThat(secondLayer).containsExactly(0.0, 0.0, 100.0);
        assertThat(run.findings(Pathology.DEAD_UNITS)).filteredOn(f -> f.layer() == 1).singleElement().satisfies(f -> {
            assertThat(f.summary()).isEqualTo("Units of hidden-1 are dying during training: 100% are dead in epoch 2, "
                    + "up from 0% at initialization; dead units output 0 for every example and never recover.");
            assertThat(f.evidence()).contains("trend: 0.0% at initialization, 0.0% in epoch 1, 100.0% in epoch 2");
            assertThat(f.epoch()).isEqualTo(1);
        });
    }

    @Test
    void deadNeuronsWithAPassAfterEveryEpochSeesTheUnitsDieAfterTheEpochThatKilledThem() {
        SeedRuns.Run run = SeedRuns.train("""
                data: {source: test-positive, samples: 40, features: 4, task: regression}
                model: {hidden: [5, 5], activation: relu, init: {name: test-dead-units, dead: []}}
                training: {optimizer: {name: sgd, learning-rate: 1.0}, epochs: 2, batch-size: 40}
                monitors: [{name: dead-neurons, every-epochs: 1}]
                """);
        assertThat(run.sink().metric("layer.dead.percent").stream().filter(m -> m.layer() == 1).map(Measurement::value)
                .toList()).containsExactly(0.0, 100.0, 100.0);
        assertThat(run.findings(Pathology.DEAD_UNITS)).filteredOn(f -> f.layer() == 1).singleElement().satisfies(f -> {
            assertThat(f.evidence()).contains("trend: 0.0% at initialization, 100.0% after epoch 1");
            assertThat(f.epoch()).isZero();
        });
    }

    @Test
    void deadNeuronsCountsTheTrainingBatchesBetweenPassesWhenAsked() {
        String config = """
                data: {source: test-positive, samples: 40, features: 4, task: regression}
                model: {hidden: [5, 5], activation: relu, init: {name: test-dead-units, dead: []}}
                training: {optimizer: {name: sgd, learning-rate: 1.0}, epochs: 3, batch-size: 40}
                monitors: [{name: dead-neurons, every-epochs: 2%s}]
                """;
        // passes at the start and after epoch 2; epochs 1 and 3 counted over their one training batch, epoch 1's
        // before the step that killed hidden-1
        SeedRuns.Run between = SeedRuns.train(config.formatted(", batch-every: 1"));
        assertThat(between.sink().metric("layer.dead.percent").stream().filter(m -> m.layer() == 1)
                .map(m -> m.epoch() + ":" + m.value()).toList()).containsExactly("0:0.0", "0:0.0", "1:100.0", "2:100.0");
        SeedRuns.Run passesOnly = SeedRuns.train(config.formatted(", batch-every: 0"));
        assertThat(passesOnly.sink().metric("layer.dead.percent").stream().filter(m -> m.layer() == 1)
                .map(m -> m.epoch() + ":" + m.value()).toList()).containsExactly("0:0.0", "1:100.0");
    }

    @Test
    void gradientNormsRecordsTheMeanOfEachEpochsSampledNorms() {
        SeedRuns.Run run = SeedRuns.train("""
                data: {source: test-positive, samples: 60, features: 3}
                model: {hidden: [4, 4], activation: tanh, init: xavier-normal}
                training: {optimizer: {name: sgd, learning-rate: 0.1}, epochs: 2, batch-size: 20, seed: 5}
                monitors: [{name: gradient-norms, every: 1}]
                """);

        for (int layer = 0; layer < 3; layer++) {
            for (int epoch = 0; epoch < 2; epoch++) {
                int e = epoch;
                int l = layer;
                double mean = run.sink().metric("layer.gradient.norm").stream()
                        .filter(m -> m.epoch() == e && m.layer() == l).mapToDouble(Measurement::value).average()
                        .orElseThrow();
                List<Measurement> recorded = run.sink().metric("layer.gradient.norm.epoch.mean").stream()
                        .filter(m -> m.epoch() == e && m.layer() == l).toList();
                assertThat(recorded).singleElement().satisfies(m -> assertThat(m.value()).isCloseTo(mean,
                        within(1e-12 * mean)));
            }
        }
        assertThat(run.sink().metric("gradient.norm.ratio.epoch")).hasSize(2);
        assertThat(run.result().findings()).extracting(Finding::pathology)
                .doesNotContain(Pathology.VANISHING_GRADIENTS, Pathology.EXPLODING_GRADIENTS);
    }
}
