package io.trainscope.core.training.optim;

import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.List;

/**
 * The optimizers a config can name ({@code training.optimizer.name}), with their parameters and
 * defaults (PyTorch's, where DL4J's differ), and how each becomes a DL4J {@link IUpdater}.
 */
public enum OptimizerKind implements ConfigChoice {
    /** Plain stochastic gradient descent: {@code w -= lr * g}. */
    SGD("plain stochastic gradient descent", List.of(learningRate(0.01))),
    /** SGD with classical momentum, or Nesterov momentum when {@code nesterov: true}. */
    MOMENTUM("SGD with momentum: v = m*v + g, w -= lr*v (nesterov: true for Nesterov's variant)", List.of(
            learningRate(0.01),
            ParameterSpec.real("momentum", 0.9, "momentum factor m").between(0, 1).lessThan(1),
            ParameterSpec.bool("nesterov", false, "use Nesterov momentum (DL4J's Nesterovs updater)"))),
    /** Adam (Kingma and Ba). */
    ADAM("Adam with bias correction", List.of(
            learningRate(0.001),
            ParameterSpec.real("beta1", 0.9, "decay of the first-moment estimate").atLeast(0).lessThan(1),
            ParameterSpec.real("beta2", 0.999, "decay of the second-moment estimate").atLeast(0).lessThan(1),
            ParameterSpec.real("epsilon", 1e-8, "added to the denominator for stability").greaterThan(0))),
    /** RMSProp (Hinton). */
    RMSPROP("RMSProp: divides the step by a running RMS of gradients", List.of(
            learningRate(0.001),
            ParameterSpec.real("decay", 0.99, "decay of the running mean of squared gradients (PyTorch's alpha)")
                    .atLeast(0).lessThan(1),
            ParameterSpec.real("epsilon", 1e-8, "added to the denominator for stability").greaterThan(0)));

    private final String description;
    private final List<ParameterSpec> parameters;

    OptimizerKind(String description, List<ParameterSpec> parameters) {
        this.description = description;
        this.parameters = parameters;
    }

    private static ParameterSpec learningRate(double defaultValue) {
        return ParameterSpec.real("learning-rate", defaultValue, "the step size").greaterThan(0);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    /** The names of all optimizers. */
    public static List<String> names() {
        return ConfigChoice.names(OptimizerKind.class);
    }

    /** The optimizer called {@code name}, or null. */
    public static OptimizerKind byName(String name) {
        return ConfigChoice.byName(OptimizerKind.class, name);
    }

    /**
     * The DL4J updater for these parameters.
     *
     * @param schedule the learning-rate schedule, or null for a constant rate
     */
    public IUpdater create(Parameters p, ISchedule schedule) {
        double lr = p.real("learning-rate");
        IUpdater updater = switch (this) {
            case SGD -> new Sgd(lr);
            case MOMENTUM -> p.bool("nesterov") ? new Nesterovs(lr, p.real("momentum"))
                    : new ClassicMomentum(lr, null, p.real("momentum"));
            case ADAM -> new Adam(lr, p.real("beta1"), p.real("beta2"), p.real("epsilon"));
            case RMSPROP -> new RmsProp(lr, p.real("decay"), p.real("epsilon"));
        };
        if (schedule != null) {
            updater.setLrAndSchedule(lr, schedule);
        }
        return updater;
    }
}
