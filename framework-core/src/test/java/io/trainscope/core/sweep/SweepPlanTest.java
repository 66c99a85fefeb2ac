package io.trainscope.core.sweep;

import io.trainscope.core.TestTrainscope;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.config.ConfigException;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.config.ResolvedExperiment;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expanding a sweep section into runs: the grid, the paths, and the errors, all before anything trains. */
class SweepPlanTest {

    private static final String BASE = """
            name: grid
            data: {source: gaussian-classification, samples: 64, split: {validation: 0.25}}
            model: {hidden: [8, 4], activation: relu, init: he-normal}
            training: {optimizer: momentum, epochs: 2, batch-size: 16, seed: 5}
            """;

    private static Optional<SweepPlan> plan(String yaml) {
        return TestTrainscope.get().get(Sweeps.class).plan(yaml, "test", "test config", Path.of(""), Map.of());
    }

    private static SweepPlan sweep(String section) {
        return plan(BASE + section).orElseThrow();
    }

    @Test
    void aConfigWithoutASweepSectionHasNoPlan() {
        assertThat(plan(BASE)).isEmpty();
    }

    @Test
    void combinesTheSweptValuesAsAGridWithTheFirstPathVaryingSlowest() {
        SweepPlan plan = sweep("""
                sweep:
                  model.activation: [sigmoid, tanh]
                  training.batch-size: [8, 16, 32]
                """);

        assertThat(plan.runs()).hasSize(6);
        assertThat(plan.runs()).extracting(PlannedRun::name).containsExactly("grid-sigmoid-batch-size-8",
                "grid-sigmoid-batch-size-16", "grid-sigmoid-batch-size-32", "grid-tanh-batch-size-8",
                "grid-tanh-batch-size-16", "grid-tanh-batch-size-32");
        PlannedRun fifth = plan.runs().get(4);
        assertThat(fifth.settings()).containsExactly(Map.entry("model.activation", "tanh"), Map.entry("training.batch-size", "16"));
        assertThat(fifth.experiment().activation().name()).isEqualTo("tanh");
        assertThat(fifth.experiment().spec().training().batchSize()).isEqualTo(16);
        assertThat(plan.runs()).allSatisfy(r -> {
            assertThat(r.seed()).isEqualTo(5);
            assertThat(r.experiment().spec().model().hidden()).containsExactly(8, 4);
        });
    }

    @Test
    void setsAParameterOfAPluginNamedByItsBareNameAndKeepsTheName() {
        SweepPlan plan = sweep("sweep: {training.optimizer.learning-rate: [0.1, 0.01]}\n");

        List<ResolvedExperiment> runs = plan.runs().stream().map(PlannedRun::experiment).toList();
        assertThat(runs).extracting(e -> e.optimizer().configName()).containsOnly("momentum");
        assertThat(runs).extracting(e -> e.optimizerParams().real("learning-rate")).containsExactly(0.1, 0.01);
        assertThat(plan.runs()).extracting(PlannedRun::name)
                .containsExactly("grid-learning-rate-0.1", "grid-learning-rate-0.01");
    }

    @Test
    void sweepsOneElementOfAListByItsIndexAndWholePluginMaps() {
        SweepPlan plan = sweep("""
                sweep:
                  model.hidden[1]: [2, 6]
                  model.activation: [relu, {name: leaky-relu, negative-slope: 0.1}]
                """);

        assertThat(plan.runs()).extracting(r -> r.experiment().spec().model().hidden())
                .containsExactly(List.of(8, 2), List.of(8, 2), List.of(8, 6), List.of(8, 6));
        assertThat(plan.runs().get(1).settings()).containsEntry("model.activation", "leaky-relu(negative-slope=0.1)");
        assertThat(plan.runs().get(1).experiment().activation().params().real("negative-slope")).isEqualTo(0.1);
        assertThat(plan.runs().get(1).name()).isEqualTo("grid-hidden-2-leaky-relu-negative-slope-0.1");
    }

    @Test
    void aSweepOverTheSeedReplacesTheConfigsSeedsAndEveryCombinationTrainsEachSeedOfItsConfig() {
        SweepPlan bySeed = sweep("sweep: {training.seed: [1, 2, 3]}\n");
        SweepPlan withSeeds = plan(BASE.replace("seed: 5", "seeds: [7, 8]") + "sweep: {model.activation: [tanh, relu]}\n")
                .orElseThrow();

        assertThat(bySeed.runs()).extracting(PlannedRun::seed).containsExactly(1L, 2L, 3L);
        assertThat(withSeeds.runs()).extracting(PlannedRun::name).containsExactly("grid-tanh-seed7", "grid-tanh-seed8",
                "grid-relu-seed7", "grid-relu-seed8");
        assertThat(withSeeds.runs()).extracting(r -> r.experiment().spec().training().seeds())
                .containsExactly(List.of(7L), List.of(8L), List.of(7L), List.of(8L));
    }

    @Test
    void overridesApplyToEveryCombinationBeforeItIsChecked() {
        SweepPlan plan = TestTrainscope.get().get(Sweeps.class).plan(BASE + "sweep: {model.activation: [tanh, relu]}\n",
                "test", "test config", Path.of(""), Map.of("training.epochs", 1)).orElseThrow();

        assertThat(plan.runs()).extracting(r -> r.experiment().spec().training().epochs()).containsOnly(1);
        assertThat(plan.overrides()).containsEntry("training.epochs", 1);
    }

    @Test
    void aValueNamingAnUnknownPluginFailsNamingTheSweepEntry() {
        assertThatThrownBy(() -> sweep("sweep: {model.activation: [relu, siggmoid]}\n"))
                .isInstanceOf(TrainscopeException.class)
                .hasMessageStartingWith("sweep entry model.activation = siggmoid: model.activation: unknown activation "
                        + "'siggmoid'")
                .hasMessageContaining("did you mean 'sigmoid'");
    }

    @Test
    void aPathTheConfigDoesNotHaveFailsNamingTheSweepEntry() {
        assertThatThrownBy(() -> sweep("sweep: {model.activaton: [relu]}\n"))
                .hasMessageStartingWith("sweep entry model.activaton = relu: model.activaton: unknown field")
                .hasMessageContaining("did you mean 'activation'");
        assertThatThrownBy(() -> sweep("sweep:\n  model.hidden[2]: [4]\n"))
                .hasMessage("sweep entry model.hidden[2] = 4: model.hidden: has 2 entries, so model.hidden[2] does not "
                        + "exist; sweep an index from 0 to 1");
        assertThatThrownBy(() -> sweep("sweep: {training.optimizer.learning-rate: [-1]}\n"))
                .hasMessageStartingWith("sweep entry training.optimizer.learning-rate = -1: training.optimizer.learning-rate: ");
    }

    @Test
    void anErrorOnNoSweptPathNamesTheWholeCombination() {
        assertThatThrownBy(() -> plan(BASE.replace("batch-size: 16", "batch-size: 0")
                + "sweep: {model.activation: [tanh]}\n").orElseThrow())
                .hasMessage("sweep combination model.activation = tanh: training.batch-size: must be an integer >= 1, got 0");
    }

    @Test
    void aDataSourceNamedByItsBareNameTakesSweptParametersUnderSource() {
        SweepPlan plan = plan("data: iris\nmodel: {}\nsweep: {data.split.validation: [0.2, 0.3]}\n").orElseThrow();

        assertThat(plan.runs()).extracting(r -> r.experiment().dataSource().name()).containsOnly("iris");
        assertThat(plan.runs()).extracting(r -> r.experiment().spec().data().split().validation()).containsExactly(0.2, 0.3);
        assertThat(plan.name()).isEqualTo("test");
        assertThat(plan.runs()).extracting(PlannedRun::name).containsExactly("test-validation-0.2", "test-validation-0.3");
    }

    @Test
    void aMalformedSectionFailsWithTheFieldAndTheFix() {
        assertThatThrownBy(() -> sweep("sweep: {model.activation: relu}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("sweep.model.activation: must be a list of the values to try, e.g. [sigmoid, tanh, relu], got relu");
        assertThatThrownBy(() -> sweep("sweep: {model.activation: []}\n"))
                .hasMessage("sweep.model.activation: lists no values; give at least one");
        assertThatThrownBy(() -> sweep("sweep: {model.activation: [relu, relu]}\n"))
                .hasMessage("sweep.model.activation: lists relu twice");
        assertThatThrownBy(() -> sweep("sweep: {model..activation: [relu]}\n"))
                .hasMessageStartingWith("sweep: 'model..activation' is not a config path");
        assertThatThrownBy(() -> sweep("sweep: [relu]\n"))
                .hasMessageStartingWith("sweep: must be a map from config paths to lists of values");
    }

    @Test
    void theConfigLoaderRefusesASweepItCannotExpand() {
        assertThatThrownBy(() -> new ConfigLoader().parse(BASE + "sweep: {model.activation: [relu]}\n", "t", "t", Path.of("")))
                .hasMessageStartingWith("sweep: this config is a sweep of several experiments; train it with 'trainscope train'");
    }
}
