package io.trainscope.core.gradcheck;

import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.model.NetworkBuilder;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.Trainer;
import jakarta.inject.Inject;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.NoOp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Checks a config's network's gradients: the network {@code train} would build (the same
 * {@link NetworkBuilder}, so every activation, initializer and normalizer plugin through
 * trainscope's adapters), on the first examples of the config's training split (prepared as
 * {@code train} prepares them), with its first seed. DL4J's backpropagation of the mean loss is
 * compared with central differences of the loss, tensor by tensor, in float64 ({@link TensorCheck}
 * states the rule); the float32 network's backpropagation is compared with the float64 one.
 * Dropout, weight decay and gradient clipping are off for the check ({@link CheckableExperiment}).
 * ND4J's default data type is float64 during the check and restored afterwards ({@link Float64Scope}).
 *
 * <p>Cost: four forward passes of the batch per checked entry (steps {@code h} and {@code h/10});
 * {@code docs/gradcheck.md} gives measured times.
 */
public final class GradientCheck {

    private final Trainer trainer;
    private final NetworkBuilder builder;

    @Inject
    public GradientCheck(Trainer trainer, NetworkBuilder builder) {
        this.trainer = trainer;
        this.builder = builder;
    }

    /** Checks the network of a resolved experiment, on its own data. */
    public GradientCheckReport run(ResolvedExperiment resolved, GradientCheckOptions options) {
        CheckableExperiment checkable = CheckableExperiment.of(resolved);
        PreparedData data = trainer.prepare(checkable.experiment(), RunOptions.inMemory(null))
                .withTrainingExamples(options.examples());
        return check(checkable, data, options);
    }

    /**
     * Checks the network of a resolved experiment on data prepared elsewhere (as {@link Trainer#prepare}
     * prepares them: an application's own arrays, say), on the first {@code options.examples()}
     * training examples.
     */
    public GradientCheckReport run(ResolvedExperiment resolved, PreparedData data, GradientCheckOptions options) {
        return check(CheckableExperiment.of(resolved), data.withTrainingExamples(options.examples()), options);
    }

    private GradientCheckReport check(CheckableExperiment checkable, PreparedData data, GradientCheckOptions options) {
        ResolvedExperiment experiment = checkable.experiment();
        long seed = experiment.spec().training().seed();
        BuiltNetwork built32 = network(experiment, data, DataType.FLOAT);
        MultiLayerNetwork net32 = built32.network();
        DataSet batch = data.train();
        List<ParameterTensors.Tensor> tensors = ParameterTensors.of(net32, built32.layout(), experiment);
        List<String> keys = tensors.stream().map(ParameterTensors.Tensor::key).toList();
        Map<String, INDArray> g32 = NetworkGradients.analytic(net32, cast(batch, DataType.FLOAT), keys).gradients();
        try (Float64Scope ignored = Float64Scope.enter()) {
            MultiLayerNetwork net64 = network(experiment, data, DataType.DOUBLE).network();
            net64.setParams(net32.params().castTo(DataType.DOUBLE));     // the weights train would start from
            DataSet batch64 = cast(batch, DataType.DOUBLE);
            NetworkGradients.Analytic g64 = NetworkGradients.analytic(net64, batch64, keys);
            double loss = net64.score(batch64, true);
            double floor = TensorCheck.floor(loss, options.epsilon());
            List<TensorCheck> rows = new ArrayList<>();
            if (Double.isFinite(loss)) {
                Random random = new Random(options.seed());
                for (ParameterTensors.Tensor t : tensors) {
                    rows.add(tensor(net64, batch64, t, g64.gradients().get(t.key()), g32.get(t.key()), options, loss,
                            random));
                }
            }
            return new GradientCheckReport(experiment.name(), seed, batch.numExamples(), options, loss, floor,
                    checkable.changes(), rows);
        }
    }

    private TensorCheck tensor(MultiLayerNetwork net, DataSet batch, ParameterTensors.Tensor t, INDArray g64,
                               INDArray g32, GradientCheckOptions options, double loss, Random random) {
        INDArray param = net.getParam(t.key());
        double[] all = g64.toDoubleVector();
        long[] picked = EntrySample.pick(all, options.entries(), random);
        double[] analytic = new double[picked.length];
        Differences numeric = Differences.of(picked.length);
        for (int i = 0; i < picked.length; i++) {
            analytic[i] = all[(int) picked[i]];
            NetworkGradients.differences(net, batch, param, Shape.ind2subC(param.shape(), picked[i]), options.epsilon(),
                    loss, numeric, i);
        }
        double floor = TensorCheck.floor(loss, options.epsilon());
        INDArray wide = g32.castTo(DataType.DOUBLE);
        boolean finite = !wide.isNaN().any() && !wide.isInfinite().any();
        double scale = g64.amaxNumber().doubleValue();
        double float32Diff = finite && scale > floor ? wide.sub(g64).amaxNumber().doubleValue() / scale : Double.NaN;
        return TensorCheck.compare(t.name(), t.key(), param.length(), analytic, numeric, options.rtol(), floor,
                float32Diff, finite);
    }

    private BuiltNetwork network(ResolvedExperiment experiment, PreparedData data, DataType type) {
        BuiltNetwork built = builder.build(experiment, data.inputs(), data.image(), data.head(),
                experiment.spec().training().seed(), new NoOp(), NetworkBuilder.DenseImplementation.REUSING, type);
        NetworkGradients.unclip(built.network());
        return built;
    }

    private static DataSet cast(DataSet batch, DataType type) {
        return new DataSet(batch.getFeatures().castTo(type), batch.getLabels().castTo(type));
    }
}
