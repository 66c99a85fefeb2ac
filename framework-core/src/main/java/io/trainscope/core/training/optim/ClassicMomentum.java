package io.trainscope.core.training.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * SGD with classical (heavy-ball) momentum, as PyTorch's {@code SGD(momentum=m)} does it:
 * {@code v = m * v + g}, step {@code = lr * v}. DL4J 1.0.0-M2.1 only ships Nesterov momentum.
 */
public final class ClassicMomentum implements IUpdater {
    private static final long serialVersionUID = 1L;

    private double learningRate;
    private ISchedule learningRateSchedule;
    private final double momentum;

    public ClassicMomentum(@JsonProperty("learningRate") double learningRate,
                           @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                           @JsonProperty("momentum") double momentum) {
        this.learningRate = learningRate;
        this.learningRateSchedule = learningRateSchedule;
        this.momentum = momentum;
    }

    public double getMomentum() {
        return momentum;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater<ClassicMomentum> instantiate(INDArray viewArray, boolean initializeViewArray) {
        if (initializeViewArray) {
            viewArray.assign(0);
        }
        return new Updater(this, viewArray.reshape(viewArray.length()));
    }

    @Override
    public GradientUpdater<ClassicMomentum> instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        INDArray v = updaterState.get(Updater.V_STATE);
        if (v == null || updaterState.size() != 1) {
            throw new IllegalStateException("momentum state must hold only '" + Updater.V_STATE + "', got " + updaterState.keySet());
        }
        if (initializeStateArrays) {
            v.assign(0);
        }
        return new Updater(this, v);
    }

    @Override
    public ClassicMomentum clone() {
        return new ClassicMomentum(learningRate, learningRateSchedule == null ? null : learningRateSchedule.clone(), momentum);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule != null ? learningRateSchedule.valueAt(iteration, epoch) : learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        this.learningRate = lr;
        this.learningRateSchedule = lrSchedule;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassicMomentum m && m.learningRate == learningRate && m.momentum == momentum
                && Objects.equals(m.learningRateSchedule, learningRateSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, momentum, learningRateSchedule);
    }

    private static final class Updater implements GradientUpdater<ClassicMomentum> {
        static final String V_STATE = "V";

        private final ClassicMomentum config;
        private INDArray v;

        Updater(ClassicMomentum config, INDArray v) {
            this.config = config;
            this.v = v;
        }

        @Override
        public ClassicMomentum getConfig() {
            return config;
        }

        @Override
        public void setState(Map<String, INDArray> stateMap, boolean initialize) {
            v = stateMap.get(V_STATE);
            if (initialize) {
                v.assign(0);
            }
        }

        @Override
        public Map<String, INDArray> getState() {
            return Collections.singletonMap(V_STATE, v);
        }

        @Override
        public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
            if (initialize) {
                viewArray.assign(0);
            }
            v = viewArray.reshape(viewArray.length());
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            INDArray g = gradient.reshape(v.shape());
            v.muli(config.momentum).addi(g);
            g.assign(v).muli(config.getLearningRate(iteration, epoch));
        }
    }
}
