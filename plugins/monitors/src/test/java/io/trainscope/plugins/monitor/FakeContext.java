package io.trainscope.plugins.monitor;

import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.monitor.BackwardContext;
import io.trainscope.api.monitor.EpochContext;
import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.ForwardContext;
import io.trainscope.api.monitor.Histogram;
import io.trainscope.api.monitor.HostArray;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Scope;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.NetworkInfo;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.RunInfo;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.Statistics;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.monitor.UpdateContext;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A hand-driven stand-in for the core's contexts, to test a monitor's own logic (trends,
 * thresholds, wording) on arrays chosen by the test, without training a network. Tests set the
 * fields, then call the monitor's callbacks with this object.
 */
final class FakeContext implements TrainingStartContext, EpochContext, ForwardContext, BackwardContext, UpdateContext {

    /** One recorded scalar. */
    record Recorded(String metric, Integer layer, long iteration, int epoch, double value) {
    }

    final NetworkInfo network;
    final Parameters parameters;
    long iteration;
    int epoch;
    double loss = Double.NaN;
    double learningRate = 0.1;
    int batchSize = 1;
    INDArray input;
    final Map<Integer, INDArray> weights = new HashMap<>();
    final Map<Integer, INDArray> biases = new HashMap<>();
    final Map<Integer, INDArray> activations = new HashMap<>();
    final Map<Integer, INDArray> gradients = new HashMap<>();
    final Map<Integer, INDArray> preActivationGradients = new HashMap<>();
    final Map<Integer, INDArray> updates = new HashMap<>();
    final List<Recorded> records = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    final List<View> requestedViews = new ArrayList<>();

    FakeContext(Monitor monitor, Map<String, ?> params, NetworkInfo network) {
        this.network = network;
        this.parameters = Parameters.resolve(monitor, params);
        this.declared = monitor.metrics();
    }

    /** The monitor's declarations: recording anything else fails, as it does in the core. */
    private final List<Metric> declared;

    private void checkDeclared(Metric metric, Scope scope, boolean histogram) {
        if (declared.stream().noneMatch(d -> d.name().equals(metric.name()) && d.scope() == scope
                && d.histogram() == histogram)) {
            throw new IllegalArgumentException("recorded " + metric.name() + " as " + scope + (histogram ? " histogram" : "")
                    + ", which the monitor does not declare so");
        }
    }

    /** A network of dense layers of the given widths (the last is the output layer), all with one activation. */
    static NetworkInfo network(String activation, FlatRegion flat, long inputs, long... widths) {
        return network("mse", activation, flat, inputs, widths);
    }

    /** As {@link #network(String, FlatRegion, long, long...)} with the given loss. */
    static NetworkInfo network(String loss, String activation, FlatRegion flat, long inputs, long... widths) {
        List<LayerInfo> layers = new ArrayList<>();
        long fanIn = inputs;
        for (int i = 0; i < widths.length; i++) {
            boolean output = i == widths.length - 1;
            layers.add(new LayerInfo(i, output ? "output" : "hidden-" + i, output, fanIn, widths[i], activation, flat));
            fanIn = widths[i];
        }
        return new NetworkInfo(layers, inputs, 0, loss);
    }

    /** The recorded values of one metric, in order. */
    List<Double> values(String metric, Integer layer) {
        return records.stream().filter(r -> r.metric().equals(metric) && Objects.equals(r.layer(), layer))
                .map(Recorded::value).toList();
    }

    @Override
    public RunInfo run() {
        return new RunInfo("fake", 1, null);
    }

    @Override
    public NetworkInfo network() {
        return network;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public long iteration() {
        return iteration;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public INDArray weights(int layer) {
        return weights.get(layer);
    }

    @Override
    public INDArray bias(int layer) {
        return biases.get(layer);
    }

    @Override
    public Statistics stats() {
        return new Statistics() {
            @Override
            public double[] norms(List<INDArray> arrays) {
                return arrays.stream().mapToDouble(a -> a.norm2Number().doubleValue()).toArray();
            }

            @Override
            public HostArray host(INDArray array) {
                return Hosts.of(array);
            }

            @Override
            public Summary[] summaries(List<INDArray> arrays) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Histogram histogram(INDArray values, double low, double high, int bins) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Histogram histogram(INDArray values, int bins) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Override
    public void record(Metric metric, int layer, double value) {
        checkDeclared(metric, Scope.LAYER, false);
        records.add(new Recorded(metric.name(), layer, iteration, epoch, value));
    }

    @Override
    public void record(Metric metric, double value) {
        checkDeclared(metric, Scope.NETWORK, false);
        records.add(new Recorded(metric.name(), null, iteration, epoch, value));
    }

    @Override
    public void record(Metric metric, int layer, Histogram histogram) {
        checkDeclared(metric, Scope.LAYER, true);
        records.add(new Recorded(metric.name(), layer, iteration, epoch, Double.NaN));
    }

    @Override
    public Finding.Builder finding(Pathology pathology, Severity severity) {
        return new Finding.Builder("fake", pathology, severity, iteration, epoch, findings::add);
    }

    @Override
    public void requestStop(String reason) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void requestViews(View... views) {
        requestedViews.addAll(List.of(views));
    }

    @Override
    public int plannedEpochs() {
        return 1;
    }

    @Override
    public long trainingExamples() {
        return batchSize;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public double trainingLoss() {
        return loss;
    }

    @Override
    public Map<String, Double> validation() {
        return Map.of();
    }

    @Override
    public INDArray input() {
        return input;
    }

    @Override
    public INDArray activations(int layer) {
        return activations.get(layer);
    }

    @Override
    public INDArray preActivations(int layer) {
        return activations.get(layer);
    }

    @Override
    public INDArray labels() {
        return null;
    }

    @Override
    public double loss() {
        return loss;
    }

    @Override
    public INDArray weightGradient(int layer) {
        return gradients.get(layer);
    }

    @Override
    public INDArray biasGradient(int layer) {
        return null;
    }

    @Override
    public INDArray rawWeightGradient(int layer) {
        return gradients.get(layer);
    }

    @Override
    public INDArray preActivationGradient(int layer) {
        return preActivationGradients.get(layer);
    }

    @Override
    public double gradientScale() {
        return 1.0;
    }

    @Override
    public INDArray weightUpdate(int layer) {
        return updates.get(layer);
    }

    @Override
    public INDArray biasUpdate(int layer) {
        return null;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }
}
