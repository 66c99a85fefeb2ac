package io.trainscope.core.testplugins;

import io.trainscope.api.data.DataContext;
import io.trainscope.api.data.DataSource;
import io.trainscope.api.data.Examples;
import io.trainscope.api.data.LoadedData;
import io.trainscope.api.data.Task;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Test data: features uniform in [0.1, 1) (strictly positive), and either two classes split by
 * the sum of the features or a regression target equal to that sum. With {@code nan-examples: k}
 * the first feature of the first k examples is NaN (a poisoned batch).
 */
public final class PositiveDataSource implements DataSource {

    @Override
    public String name() {
        return "test-positive";
    }

    @Override
    public String description() {
        return "test only: positive features, sum-based targets";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("samples", 64, "examples").atLeast(1),
                ParameterSpec.integer("features", 3, "features").atLeast(1),
                ParameterSpec.choice("task", "classification", List.of("classification", "regression"), "task"),
                ParameterSpec.integer("nan-examples", 0, "examples whose first feature is NaN").atLeast(0));
    }

    @Override
    public LoadedData load(Parameters params, DataContext context) {
        int n = params.integer("samples");
        int d = params.integer("features");
        SplittableRandom random = new SplittableRandom(context.seed());
        float[] x = new float[n * d];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (0.1 + 0.9 * random.nextDouble());
                sum += x[i * d + j];
            }
            y[i] = params.text("task").equals("regression") ? (float) sum : (sum > 0.55 * d ? 1f : 0f);
        }
        for (int i = 0; i < Math.min(n, params.integer("nan-examples")); i++) {
            x[i * d] = Float.NaN;
        }
        Examples examples = new Examples(Nd4j.create(x, new long[]{n, d}, 'c'), Nd4j.create(y, new long[]{n, 1}, 'c'));
        Task task = params.text("task").equals("regression") ? new Task.Regression(1) : Task.Classification.numbered(2);
        return LoadedData.single(task, examples);
    }
}
