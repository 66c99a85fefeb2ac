package io.trainscope.core.diagnosis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.plugin.ParameterException;
import io.trainscope.core.config.ExperimentResolver;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.model.NetworkBuilder;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.Trainer;
import io.trainscope.core.training.TrainingResult;
import jakarta.inject.Inject;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A short look at an experiment: its initialization and its first iterations, watched by the
 * monitors the rules need ({@link Vocabulary#probeMonitors()}) whatever the config's
 * {@code monitors} say, in memory (no run folder), with the config's first seed.
 *
 * <p>The probe trains whole epochs on the first examples of the training split: one epoch of
 * {@code iterations} batches when the split is large enough, else as few epochs as reach
 * {@code iterations} (at most one iteration per epoch more than asked). Seed 000's 10 x 50
 * network: about a second for 100 iterations.
 */
public final class Probe {

    /** Iterations by default: the time-to-detection bound of training-dynamics pathologies. */
    public static final int DEFAULT_ITERATIONS = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExperimentResolver resolver;
    private final Trainer trainer;
    private final NetworkBuilder builder;

    @Inject
    public Probe(ExperimentResolver resolver, Trainer trainer, NetworkBuilder builder) {
        this.resolver = resolver;
        this.trainer = trainer;
        this.builder = builder;
    }

    /**
     * Probes an experiment.
     *
     * @param source     the config
     * @param iterations how many iterations to train, >= 1
     * @param cache      the data sources' cache directory, or null for the default
     */
    public ProbeResult run(ConfigSource source, int iterations, Path cache) {
        ResolvedExperiment experiment = resolver.resolve(probeConfig(source).parse());
        InMemoryMeasurements sink = new InMemoryMeasurements();
        RunOptions options = new RunOptions(null, sink, null, cache, false);
        PreparedData data = trainer.prepare(experiment, options);
        int batch = experiment.spec().training().batchSize();
        long perEpoch = (data.trainingExamples() + batch - 1) / batch;
        int epochs = (int) ((iterations + perEpoch - 1) / perEpoch);
        long batches = (iterations + epochs - 1) / epochs;
        if (batches < perEpoch) {
            data = data.withTrainingExamples((int) (batches * batch));
        }
        NetworkFacts network = networkFacts(experiment, data);
        InputFacts inputs = inputFacts(data.train().getFeatures());
        TrainingResult run = trainer.trainOn(experiment.withEpochs(epochs), data, options);
        return new ProbeResult(source, experiment, network, inputs, sink, run, iterations);
    }

    /**
     * The config with the probe's monitors, one seed, no early stopping, the local backend, no
     * validation or test split (the probe trains on the same training examples), and training that
     * goes on through non-finite values ({@code on-non-finite: continue}: the rules want to see what
     * came before and after).
     */
    static ConfigSource probeConfig(ConfigSource source) {
        ObjectNode tree = singleRun(source).tree();
        tree.set("monitors", JSON.valueToTree(Vocabulary.probeMonitors()));
        if (tree.path("data").path("split") instanceof ObjectNode split) {
            // no evaluation at the epoch's end: a diverging probe must not fail on NaN predictions
            double held = split.path("validation").asDouble(0) + split.path("test").asDouble(0);
            split.put("train", split.path("train").asDouble(1 - held));
            split.remove(List.of("validation", "test"));
        }
        return new ConfigSource(tree, source.defaultName(), source.origin(), source.directory());
    }

    /** The config with its first seed only, no early stopping, no checkpoints and the local backend. */
    static ConfigSource singleRun(ConfigSource source) {
        ObjectNode tree = source.tree();
        if (tree.path("training") instanceof ObjectNode training) {
            if (training.path("seeds").isArray() && !training.get("seeds").isEmpty()) {
                training.set("seed", training.get("seeds").get(0));
                training.remove("seeds");
            }
            training.remove(List.of("early-stopping", "backend", "spark", "checkpoints"));
            training.put("on-non-finite", "continue");
        } else if (tree.path("training").isMissingNode()) {
            tree.putObject("training").put("on-non-finite", "continue");
        }
        return new ConfigSource(tree, source.defaultName(), source.origin(), source.directory());
    }

    private NetworkFacts networkFacts(ResolvedExperiment experiment, PreparedData data) {
        BuiltNetwork built = builder.build(experiment, data.inputs(), data.image(), data.head(), experiment.spec().training().seed(),
                new Sgd(0.1));
        ActivationShape shape = ActivationShape.of(experiment.activation().plugin(), experiment.activation().params());
        List<LayerInfo> infos = built.layout().info().layers();
        List<LayerFacts> layers = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            LayerInfo info = infos.get(i);
            INDArray w = built.network().getLayer(built.layout().dense()[i]).getParam("W");
            ActivationShape layerShape = i == infos.size() - 1 ? ActivationShape.OTHER : shape;
            layers.add(new LayerFacts(info.name(), info.fanIn(), info.units(), w.stdNumber(false).doubleValue(),
                    layerShape.rightGain(info.fanIn(), info.units())));
        }
        boolean batchnorm = experiment.normalizers().stream()
                .anyMatch(n -> !n.plugin().hiddenLayers(8, n.params()).isEmpty());
        return new NetworkFacts(layers, shape, experiment.activation().name(), experiment.init().name(), batchnorm,
                learningRate(experiment));
    }

    private static double learningRate(ResolvedExperiment experiment) {
        try {
            return experiment.optimizerParams().real(Vocabulary.LEARNING_RATE);
        } catch (ParameterException | IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    static InputFacts inputFacts(INDArray x) {
        INDArray mean = x.mean(0);
        INDArray std = x.std(false, 0);
        double[] stds = std.toDoubleVector();
        double minStd = Double.POSITIVE_INFINITY;
        for (double s : stds) {
            if (s > 1e-12) {
                minStd = Math.min(minStd, s);
            }
        }
        double rms = Math.sqrt(x.mul(x).meanNumber().doubleValue());
        return new InputFacts(x.columns(), rms, std.maxNumber().doubleValue(),
                Double.isInfinite(minStd) ? 0.0 : minStd, Transforms.abs(mean).maxNumber().doubleValue());
    }
}
