package io.trainscope.core.evaluation;

import io.trainscope.api.data.Task;
import io.trainscope.core.model.OutputHead;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.IEvaluation;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a network on a data set in batches, with ND4J's {@code Evaluation} (accuracy,
 * per-class precision and recall, confusion matrix) or {@code RegressionEvaluation} (mse, mae),
 * plus the mean loss as DL4J computes it for training. {@link #emptyEvaluation} and
 * {@link #summarize} serve evaluations that are filled elsewhere (by Spark executors).
 */
public final class Evaluator {

    /** The mean loss, for every task. */
    public static final String LOSS = "loss";
    /** The share of correctly classified examples. */
    public static final String ACCURACY = "accuracy";
    /** Mean squared error of a regression. */
    public static final String MSE = "mse";
    /** Mean absolute error of a regression. */
    public static final String MAE = "mae";

    private Evaluator() {
    }

    /** The names of the metrics {@link #evaluate} reports for a task, in order. */
    public static List<String> metricNames(Task task) {
        return task instanceof Task.Classification ? List.of(LOSS, ACCURACY) : List.of(LOSS, MSE, MAE);
    }

    /** Evaluates {@code network} on {@code data}; {@code head} says how to read its outputs. */
    public static EvaluationResult evaluate(MultiLayerNetwork network, DataSet data, OutputHead head, int batchSize) {
        long n = data.numExamples();
        IEvaluation<?> evaluation = emptyEvaluation(head);
        double lossSum = 0;
        for (long from = 0; from < n; from += batchSize) {
            long to = Math.min(n, from + batchSize);
            INDArray x = data.getFeatures().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray y = data.getLabels().get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            lossSum += network.score(new DataSet(x, y), false) * (to - from);
            INDArray out = network.output(x, false);
            evaluation.eval(y, out);
            out.close();
        }
        return summarize(n, lossSum / n, evaluation, head);
    }

    /** The evaluation {@link #summarize} reads for {@code head}: ND4J's {@code Evaluation} or {@code RegressionEvaluation}. */
    public static IEvaluation<?> emptyEvaluation(OutputHead head) {
        if (head.task() instanceof Task.Classification c) {
            return new Evaluation(c.classNames().size());
        }
        return new RegressionEvaluation(head.units());
    }

    /**
     * The result of a filled {@link #emptyEvaluation}.
     *
     * @param examples the number of examples evaluated
     * @param meanLoss the mean loss over them
     */
    public static EvaluationResult summarize(long examples, double meanLoss, IEvaluation<?> evaluation, OutputHead head) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(LOSS, meanLoss);
        if (evaluation instanceof Evaluation c && head.task() instanceof Task.Classification task) {
            return classification(examples, metrics, task.classNames(), c);
        }
        return regression(examples, metrics, (RegressionEvaluation) evaluation);
    }

    private static EvaluationResult classification(long n, Map<String, Double> metrics, List<String> classes,
                                                   Evaluation evaluation) {
        metrics.put(ACCURACY, evaluation.accuracy());
        int k = classes.size();
        double[] precision = new double[k];
        double[] recall = new double[k];
        long[][] confusion = new long[k][k];
        for (int a = 0; a < k; a++) {
            precision[a] = evaluation.precision(a);
            recall[a] = evaluation.recall(a);
            for (int p = 0; p < k; p++) {
                confusion[a][p] = evaluation.getConfusionMatrix().getCount(a, p);
            }
        }
        return new EvaluationResult(n, metrics, classes, precision, recall, confusion);
    }

    private static EvaluationResult regression(long n, Map<String, Double> metrics, RegressionEvaluation evaluation) {
        metrics.put(MSE, evaluation.averageMeanSquaredError());
        metrics.put(MAE, evaluation.averageMeanAbsoluteError());
        return new EvaluationResult(n, metrics, List.of(), new double[0], new double[0], new long[0][0]);
    }
}
