package io.trainscope.core.monitors;

import io.trainscope.api.monitor.BackwardContext;
import io.trainscope.api.monitor.ForwardContext;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.monitor.UpdateContext;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.ParameterSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test monitor that copies what the views of iteration 0 hold to plain Java arrays (in row-major
 * order), so that tests can compute the expected value of a measurement by hand from the very
 * arrays the monitors saw. The latest instance is {@link #LAST} (tests run one at a time).
 */
public final class CaptureMonitor implements Monitor {

    /** The most recently created instance. */
    public static volatile CaptureMonitor LAST;

    /** The network input of iteration 0, {@code [batch][features]}. */
    public double[][] input;
    /** Each layer's activations at iteration 0, {@code [batch][units]}. */
    public final List<double[][]> activations = new ArrayList<>();
    /** Each layer's pre-activations at iteration 0, {@code [batch][units]}. */
    public final List<double[][]> preActivations = new ArrayList<>();
    /** Each layer's weights before the first update, {@code [fanIn][units]}. */
    public final List<double[][]> weightsBefore = new ArrayList<>();
    /** Each layer's weight gradient of the mean loss at iteration 0. */
    public final List<double[][]> gradients = new ArrayList<>();
    /** Each layer's weights after the first update. */
    public final List<double[][]> weightsAfter = new ArrayList<>();
    /** Each layer's dL/dz of the mean loss at iteration 0 (null where not available). */
    public final List<double[][]> preActivationGradients = new ArrayList<>();
    /** The labels of iteration 0. */
    public double[][] labels;
    /** Each layer's applied update of iteration 0. */
    public final List<double[][]> updates = new ArrayList<>();
    /** The learning rate of iteration 0. */
    public double learningRate;

    public CaptureMonitor() {
        LAST = this;
    }

    @Override
    public String name() {
        return "test-capture";
    }

    @Override
    public String description() {
        return "test only: copies the views of iteration 0";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    /** No sampling: the views of the first iteration are asked for on demand, which still works. */
    @Override
    public void onTrainingStart(TrainingStartContext ctx) {
        ctx.requestViews(View.ACTIVATIONS, View.PRE_ACTIVATIONS, View.GRADIENTS,
                View.PRE_ACTIVATION_GRADIENTS, View.UPDATES);
    }

    @Override
    public void onForward(ForwardContext ctx) {
        input = host(ctx.input());
        labels = host(ctx.labels());
        for (int l = 0; l < ctx.network().size(); l++) {
            activations.add(host(ctx.activations(l)));
            preActivations.add(host(ctx.preActivations(l)));
            weightsBefore.add(host(ctx.weights(l)));
        }
    }

    @Override
    public void onBackward(BackwardContext ctx) {
        for (int l = 0; l < ctx.network().size(); l++) {
            gradients.add(host(ctx.weightGradient(l)));
            INDArray dz = ctx.preActivationGradient(l);
            preActivationGradients.add(dz == null ? null : host(dz));
        }
    }

    @Override
    public void onUpdate(UpdateContext ctx) {
        learningRate = ctx.learningRate();
        for (int l = 0; l < ctx.network().size(); l++) {
            weightsAfter.add(host(ctx.weights(l)));
            updates.add(host(ctx.weightUpdate(l)));
        }
    }

    private static double[][] host(INDArray a) {
        int rows = (int) a.size(0);
        int columns = (int) a.size(1);
        double[] flat = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(flat, r * columns, (r + 1) * columns);
        }
        return out;
    }
}
