package io.trainscope.examples.seed002;

import io.trainscope.core.Trainscope;
import io.trainscope.core.config.LayerSettings;
import io.trainscope.core.config.PluginRef;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.model.NetworkBuilder;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.run.Measurement;
import io.trainscope.core.sweep.PlannedRun;
import io.trainscope.core.sweep.Sweeps;
import io.trainscope.core.training.RunOptions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 002's experiments on MNIST with trainscope: the initial loss against ln 10 and the training
 * curve per initialization (a sweep), the tanh saturation map of the N(0, 1) network, the variance
 * of {@code x·w} against the fan-in, and the curves without and with batchnorm.
 */
public final class Seed002Results {

    private Seed002Results() {
    }

    /**
     * One run of a sweep, in memory.
     *
     * @param initialLoss  the loss before the first update
     * @param epochLosses  the mean training loss of each epoch
     * @param saturation   hidden-0's share of outputs in the flat region at initialization, percent
     * @param saturatedUnits hidden-0's units flat for every example of the first batch
     */
    public record Curve(double initialLoss, List<Double> epochLosses, double saturation, double saturatedUnits) {
    }

    /** Every run of {@code config}'s sweep with {@code epochs} epochs (the config's when 0), keyed by its settings. */
    public static Map<String, Curve> curves(Trainscope trainscope, Path config, int epochs) {
        Map<String, Object> overrides = epochs > 0 ? Map.of("training.epochs", epochs) : Map.of();
        Map<String, Curve> out = new LinkedHashMap<>();
        for (PlannedRun run : trainscope.get(Sweeps.class).plan(config, overrides).orElseThrow().runs()) {
            InMemoryMeasurements sink = new InMemoryMeasurements();
            trainscope.trainer().train(run.experiment(), RunOptions.inMemory(sink));
            out.put(label(run), new Curve(sink.value("initial.loss", 0, null),
                    sink.metric("epoch.train.loss").stream().map(Measurement::value).toList(),
                    sink.value("layer.saturation.percent", 0, 0), sink.value("layer.saturated.units", 0, 0)));
        }
        return out;
    }

    /**
     * A run's settings as one label; a sweep over the whole {@code model} section (seed002-init's
     * N(0, 1) weights and biases against PyTorch's default) is named by its weight and bias inits.
     */
    static String label(PlannedRun run) {
        if (!run.settings().containsKey("model")) {
            return String.join(", ", run.settings().values());
        }
        LayerSettings model = run.experiment().spec().model().defaults();
        return text(model.init()) + (model.biasInit() == null ? "" : ", bias " + text(model.biasInit()));
    }

    private static String text(PluginRef ref) {
        return ref.params().isEmpty() ? ref.name() : ref.name() + ref.params().toString().replace('{', '(').replace('}', ')');
    }

    /**
     * The tanh saturation map at initialization: {@code |a| > 0.99} for the first {@code batch}
     * training examples (rows) and every hidden unit (columns), as the seed's {@code imshow}.
     *
     * @param saturated   {@code [batch, units]}, true where saturated
     * @param share       the share of saturated entries
     * @param fullUnits   units saturated for every example (the seed's all-white columns)
     */
    public record SaturationMap(boolean[][] saturated, double share, int fullUnits) {
    }

    /** The map of the first run of {@code config}'s sweep (the N(0, 1) one), built but not trained. */
    public static SaturationMap saturationMap(Trainscope trainscope, Path config, int batch) {
        ResolvedExperiment experiment = trainscope.get(Sweeps.class).plan(config, Map.of()).orElseThrow().runs().get(0)
                .experiment();
        PreparedData data = trainscope.trainer().prepare(experiment, RunOptions.inMemory(new InMemoryMeasurements()));
        BuiltNetwork net = trainscope.get(NetworkBuilder.class).build(experiment, data.inputs(), data.image(), data.head(),
                experiment.spec().training().seed(), new Sgd(0.1));
        INDArray x = data.train().getFeatures().get(NDArrayIndex.interval(0, batch), NDArrayIndex.all());
        INDArray hidden = net.network().feedForward(x, false).get(1);
        double[][] abs = Transforms.abs(hidden, true).toDoubleMatrix();
        boolean[][] map = new boolean[abs.length][abs[0].length];
        int full = 0;
        long count = 0;
        for (int u = 0; u < map[0].length; u++) {
            boolean all = true;
            for (int r = 0; r < map.length; r++) {
                map[r][u] = abs[r][u] > 0.99;
                all &= map[r][u];
                count += map[r][u] ? 1 : 0;
            }
            full += all ? 1 : 0;
        }
        return new SaturationMap(map, count / (double) (map.length * map[0].length), full);
    }

    /**
     * The standard deviation of {@code y = x·w} with {@code x [1000, k]} and {@code w [k, 200]} drawn
     * from N(0, 1), per fan-in {@code k}, and with {@code w} scaled by {@code 1/sqrt(k)}: about
     * {@code sqrt(k)} and 1.
     */
    public static Map<Integer, double[]> productSpread(long seed, int... fanIns) {
        Nd4j.getRandom().setSeed(seed);
        Map<Integer, double[]> out = new LinkedHashMap<>();
        for (int k : fanIns) {
            INDArray x = Nd4j.randn(DataType.DOUBLE, 1000, k);
            INDArray w = Nd4j.randn(DataType.DOUBLE, k, 200);
            double raw = x.mmul(w).stdNumber().doubleValue();
            double scaled = x.mmul(w.div(Math.sqrt(k))).stdNumber().doubleValue();
            out.put(k, new double[]{x.stdNumber().doubleValue(), raw, scaled});
        }
        return out;
    }
}
