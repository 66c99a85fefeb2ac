package io.trainscope.examples.seed004;

import io.trainscope.core.Trainscope;
import io.trainscope.core.config.ExperimentSpec;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.run.Measurement;
import io.trainscope.core.sweep.PlannedRun;
import io.trainscope.core.sweep.Sweeps;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.Trainer;
import io.trainscope.core.training.TrainingResult;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seed 004's four experiments run with trainscope, each returning the numbers the seed shows:
 * the spread of each layer's weight gradients over the epochs, the symmetric units of an all-zero
 * initialization, the variance flow at initialization per initializer, and the final test error
 * per seed.
 */
public final class Seed004Results {

    private Seed004Results() {
    }

    /**
     * A network's per-layer weight-gradient spread (95th minus 5th percentile) at the start of the
     * epochs the {@code histograms} monitor sampled.
     *
     * @param run     the run's folder (with {@code report.html}), or null in memory
     * @param spreads by epoch, the spread of each layer, input first
     */
    public record Spreads(Path run, Map<Integer, List<Double>> spreads) {
    }

    /**
     * Trains {@code config} (writing its run folder unless {@code options} keep it in memory) for
     * {@code epochs} epochs, or the config's number when 0.
     */
    public static Spreads gradientSpreads(Trainscope trainscope, Path config, int epochs, RunOptions options) {
        InMemoryMeasurements sink = new InMemoryMeasurements();
        TrainingResult r = trainscope.trainer().train(resolve(trainscope, config, epochs), options.withExtraSink(sink));
        Map<Integer, List<Double>> spreads = new TreeMap<>();
        for (Measurement high : sink.metric("layer.gradient.p95")) {
            double low = sink.value("layer.gradient.p05", high.iteration(), high.layer());
            List<Double> layers = spreads.computeIfAbsent(high.epoch(), e -> new ArrayList<>());
            layers.add(high.value() - low);
        }
        return new Spreads(r.directory(), spreads);
    }

    /**
     * An all-zero initialization after training.
     *
     * @param symmetricUnits per layer, the units with an identical twin at the last check
     * @param hiddenWeights  the first layer's incoming weights, one row per unit
     */
    public record Symmetry(List<Double> symmetricUnits, double[][] hiddenWeights) {
    }

    /** Trains {@code config} in memory and reads the symmetry monitor's last counts. */
    public static Symmetry symmetry(Trainscope trainscope, Path config) {
        InMemoryMeasurements sink = new InMemoryMeasurements();
        TrainingResult r = trainscope.trainer().train(trainscope.resolve(config), RunOptions.inMemory(sink));
        Map<Integer, Double> last = new TreeMap<>();
        sink.metric("layer.symmetric.units").forEach(m -> last.put(m.layer(), m.value()));
        INDArray w = r.network().network().getParam("0_W");
        return new Symmetry(new ArrayList<>(last.values()), w.transpose().toDoubleMatrix());
    }

    /**
     * The variance flow at initialization of one initializer.
     *
     * @param forward  {@code Var(a_last hidden) / Var(input)}
     * @param backward {@code Var(gW_0) / Var(gW_last hidden)}
     * @param forwardRatios per layer, {@code Var(a_l) / Var(a_l-1)}
     */
    public record Flow(double forward, double backward, List<Double> forwardRatios) {
    }

    /** The config, with {@code epochs} epochs unless 0. */
    static ResolvedExperiment resolve(Trainscope trainscope, Path config, int epochs) {
        ExperimentSpec spec = trainscope.load(config);
        return trainscope.resolve(epochs > 0 ? spec.withTraining(spec.training().withEpochs(epochs)) : spec);
    }

    /** Each run of {@code config}'s sweep, in memory: its settings and its variance flow. */
    public static Map<String, Flow> varianceFlow(Trainscope trainscope, Path config) {
        Map<String, Flow> out = new LinkedHashMap<>();
        for (PlannedRun run : trainscope.get(Sweeps.class).plan(config, Map.of()).orElseThrow().runs()) {
            InMemoryMeasurements sink = new InMemoryMeasurements();
            trainscope.trainer().train(run.experiment(), RunOptions.inMemory(sink));
            List<Double> ratios = sink.metric("layer.forward.variance.ratio").stream().filter(m -> m.iteration() == 0)
                    .map(Measurement::value).toList();
            out.put(String.join(", ", run.settings().values()), new Flow(
                    sink.value("network.forward.variance.product", 0, null),
                    sink.value("network.backward.variance.product", 0, null), ratios));
        }
        return out;
    }

    /** The final test MSE per seed: the data are prepared once and every seed trains on them, in memory. */
    public static Map<Long, Double> testErrorBySeed(Trainscope trainscope, Path config, int maxSeeds) {
        ResolvedExperiment experiment = resolve(trainscope, config, 0);
        Trainer trainer = trainscope.trainer();
        PreparedData data = trainer.prepare(experiment, RunOptions.inMemory(new InMemoryMeasurements()));
        Map<Long, Double> out = new LinkedHashMap<>();
        for (long seed : experiment.spec().training().seeds().subList(0,
                Math.min(maxSeeds, experiment.spec().training().seeds().size()))) {
            TrainingResult r = trainer.trainOn(experiment.forSeed(seed), data, RunOptions.inMemory(new InMemoryMeasurements()));
            out.put(seed, r.test().metric("mse"));
        }
        return out;
    }
}
