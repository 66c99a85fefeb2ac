package io.trainscope.core.training.optim;

import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

import java.util.List;

/** The learning-rate schedules a config can name ({@code training.schedule.name}). */
public enum ScheduleKind implements ConfigChoice {
    /** Multiply the rate by {@code factor} every {@code every-epochs} epochs. */
    STEP("multiply the learning rate by factor every every-epochs epochs", List.of(
            ParameterSpec.integer("every-epochs", 10, "epochs between decays").atLeast(1),
            ParameterSpec.real("factor", 0.1, "the multiplier applied at each step").greaterThan(0).atMost(1))),
    /** Cosine annealing to {@code min-learning-rate} over the whole run. */
    COSINE("cosine annealing from the learning rate to min-learning-rate over all planned iterations", List.of(
            ParameterSpec.real("min-learning-rate", 0.0, "the rate reached at the end").atLeast(0)));

    private final String description;
    private final List<ParameterSpec> parameters;

    ScheduleKind(String description, List<ParameterSpec> parameters) {
        this.description = description;
        this.parameters = parameters;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    /** The names of all schedules. */
    public static List<String> names() {
        return ConfigChoice.names(ScheduleKind.class);
    }

    /** The schedule called {@code name}, or null. */
    public static ScheduleKind byName(String name) {
        return ConfigChoice.byName(ScheduleKind.class, name);
    }

    /**
     * The DL4J schedule.
     *
     * @param learningRate    the initial rate
     * @param totalIterations the planned number of iterations of the run
     */
    public ISchedule create(Parameters p, double learningRate, long totalIterations) {
        return switch (this) {
            case STEP -> new StepSchedule(ScheduleType.EPOCH, learningRate, p.real("factor"), p.integer("every-epochs"));
            case COSINE -> new CosineSchedule(learningRate, p.real("min-learning-rate"), Math.max(1, totalIterations));
        };
    }
}
