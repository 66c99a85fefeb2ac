package io.trainscope.examples;

import io.trainscope.api.monitor.TrainingEndContext.Outcome;
import io.trainscope.core.Trainscope;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.plugin.DiscoveredPlugin;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.TrainingResult;
import io.trainscope.examples.plugins.SoftsignActivation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A plugin that lives only in this module is discovered through ServiceLoader and usable by name. */
class ExamplePluginTest {

    @Test
    void theExamplesOnlyActivationIsDiscoveredFromThisModulesJarAndTrainsByName() {
        Trainscope trainscope = Trainscope.create();
        DiscoveredPlugin<?> softsign = trainscope.plugins().all().stream()
                .filter(p -> p.family() == PluginFamily.ACTIVATION && p.name().equals("softsign"))
                .findFirst().orElseThrow();
        assertThat(softsign.type()).isEqualTo(SoftsignActivation.class);
        assertThat(softsign.location().getPath()).contains("examples/target");

        var spec = new ConfigLoader().parse("""
                data: {source: iris, split: {validation: 0.2}}
                model: {hidden: [8], activation: softsign, init: xavier-normal}
                training: {optimizer: {name: adam, learning-rate: 0.05}, epochs: 30, batch-size: 16, seed: 2}
                monitors: []
                """, "softsign", "test", Path.of(""));
        TrainingResult result = trainscope.trainer().train(trainscope.resolve(spec), RunOptions.inMemory(new InMemoryMeasurements()));
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(result.validation().get("accuracy")).isGreaterThan(0.8);
    }
}
