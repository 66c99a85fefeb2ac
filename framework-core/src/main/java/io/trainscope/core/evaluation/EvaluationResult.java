package io.trainscope.core.evaluation;

import java.util.List;
import java.util.Map;

/**
 * How a network does on one data set.
 *
 * @param examples   the number of examples evaluated
 * @param metrics    {@code loss}, and {@code accuracy} for classification or {@code mse}, {@code mae} for regression
 * @param classes    class names (classification), else empty
 * @param precision  per-class precision (classification), else empty
 * @param recall     per-class recall (classification), else empty
 * @param confusion  {@code confusion[actual][predicted]} counts (classification), else empty
 */
public record EvaluationResult(long examples, Map<String, Double> metrics, List<String> classes, double[] precision,
                               double[] recall, long[][] confusion) {

    /** One metric, NaN when absent. */
    public double metric(String name) {
        return metrics.getOrDefault(name, Double.NaN);
    }
}
