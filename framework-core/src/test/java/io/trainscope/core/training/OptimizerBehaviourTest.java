package io.trainscope.core.training;

import io.trainscope.core.TestTrainscope;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.run.Measurement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each optimizer trains, and the learning-rate schedules give the rates they promise. */
class OptimizerBehaviourTest {

    /** 400 examples in batches of 32: 13 iterations per epoch. */
    private static final String LEARNABLE = """
            data: {source: gaussian-classification, samples: 400, features: 10, labels: linear}
            model: {hidden: [16, 16], activation: relu, init: he-normal}
            training: {optimizer: %s, %sepochs: %d, batch-size: 32, seed: 4}
            monitors: []
            """;

    private static TrainingResult train(String optimizer, String schedule, int epochs, InMemoryMeasurements sink) {
        return TestTrainscope.get().trainer().train(TestTrainscope.resolve(LEARNABLE.formatted(optimizer, schedule, epochs)),
                RunOptions.inMemory(sink));
    }

    private static List<Double> values(InMemoryMeasurements sink, String metric) {
        return sink.metric(metric).stream().map(Measurement::value).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "{name: momentum, learning-rate: 0.02}; 1",
            "{name: momentum, learning-rate: 0.02, nesterov: true}; 1",
            "{name: rmsprop, learning-rate: 0.003}; 1",
            "{name: sgd, learning-rate: 0.1}; 0"})
    void everyOptimizerHalvesTheLossOnALearnableProblemKeepingTheStateItShould(String optimizer, int statePerParameter) {
        InMemoryMeasurements sink = new InMemoryMeasurements();
        TrainingResult result = train(optimizer, "", 6, sink);
        List<Double> epochLoss = values(sink, "epoch.train.loss");
        assertThat(epochLoss).hasSize(6);
        assertThat(epochLoss.get(5)).isLessThan(0.5 * epochLoss.get(0));
        var net = result.network().network();
        var state = net.getUpdater().getStateViewArray();
        assertThat(state == null ? 0 : state.length()).isEqualTo(statePerParameter * net.numParams());
    }

    @Test
    void nesterovMomentumTakesOtherStepsThanClassicalMomentum() {
        var classical = train("{name: momentum, learning-rate: 0.02}", "", 1, new InMemoryMeasurements());
        var nesterov = train("{name: momentum, learning-rate: 0.02, nesterov: true}", "", 1, new InMemoryMeasurements());
        assertThat(nesterov.network().network().params().toFloatVector())
                .isNotEqualTo(classical.network().network().params().toFloatVector());
    }

    @Test
    void aStepScheduleMultipliesTheRateByItsFactorEveryKEpochs() {
        InMemoryMeasurements sink = new InMemoryMeasurements();
        train("{name: sgd, learning-rate: 0.1}", "schedule: {name: step, every-epochs: 2, factor: 0.5}, ", 6, sink);
        assertThat(values(sink, "learning.rate")).containsExactly(0.1, 0.1, 0.05, 0.05, 0.025, 0.025);
    }

    @Test
    void aCosineScheduleAnnealsToItsMinimumOverAllPlannedIterations() {
        InMemoryMeasurements sink = new InMemoryMeasurements();
        train("{name: sgd, learning-rate: 0.1}", "schedule: {name: cosine, min-learning-rate: 0.001}, ", 4, sink);
        List<Measurement> rates = sink.metric("learning.rate");
        assertThat(rates).extracting(Measurement::iteration).containsExactly(13L, 26L, 39L, 52L);
        for (Measurement m : rates) {
            double expected = 0.001 + (0.1 - 0.001) * (1 + Math.cos(Math.PI * m.iteration() / 52.0)) / 2;
            assertThat(m.value()).isCloseTo(expected, within(1e-12));
        }
        assertThat(rates.get(1).value()).isCloseTo(0.0505, within(1e-12));
        assertThat(rates.get(3).value()).isCloseTo(0.001, within(1e-12));
    }
}
