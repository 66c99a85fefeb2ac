package io.trainscope.core.training;

import io.trainscope.core.TestTrainscope;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.run.Measurement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

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

    /**
     * The schedule reaches the network, not only the recorded figure: after five epochs of a step
     * schedule (halving every two epochs), one more SGD step of the trained network moves every
     * parameter by exactly 0.1 x 0.5^2 = 0.025 times its (batch-mean) gradient, not by the base rate 0.1.
     */
    @Test
    void theNetworkStepsWithTheScheduledRateNotTheBaseRate() {
        var experiment = TestTrainscope.resolve(LEARNABLE.formatted("{name: sgd, learning-rate: 0.1}",
                "schedule: {name: step, every-epochs: 2, factor: 0.5}, ", 5));
        var net = TestTrainscope.get().trainer().train(experiment, RunOptions.inMemory(new InMemoryMeasurements()))
                .network().network();
        var all = TestTrainscope.get().trainer().prepare(experiment, RunOptions.inMemory(null)).train();
        var batch = new DataSet(all.getFeatures().get(NDArrayIndex.interval(0, 32)),
                all.getLabels().get(NDArrayIndex.interval(0, 32)));
        net.setInput(batch.getFeatures());
        net.setLabels(batch.getLabels());
        net.computeGradientAndScore();
        // the gradient DL4J computes is summed over the batch; its updater divides it by the batch size
        INDArray gradient = net.gradient().gradient().div(32);
        INDArray before = net.params().dup();

        net.fit(batch);

        INDArray step = before.sub(net.params());
        double rate = step.mul(gradient).sumNumber().doubleValue() / gradient.mul(gradient).sumNumber().doubleValue();
        assertThat(rate).isCloseTo(0.025, within(1e-4));
        assertThat(step.distance2(gradient.mul(0.025))).isLessThan(1e-4 * gradient.norm2Number().doubleValue());
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
