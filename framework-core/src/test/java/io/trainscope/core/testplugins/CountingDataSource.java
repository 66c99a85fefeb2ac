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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data that counts how often it is loaded: two Gaussian blobs in {@code features}
 * dimensions, classes split by the sign of the first feature's mean.
 */
public final class CountingDataSource implements DataSource {

    /** Loads since the JVM started (tests compare before and after). */
    public static final AtomicInteger LOADS = new AtomicInteger();

    @Override
    public String name() {
        return "test-counting-data";
    }

    @Override
    public String description() {
        return "test only: two Gaussian blobs, counting its loads";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("samples", 96, "examples").atLeast(1),
                ParameterSpec.integer("features", 4, "features").atLeast(1));
    }

    @Override
    public LoadedData load(Parameters params, DataContext context) {
        LOADS.incrementAndGet();
        int n = params.integer("samples");
        int d = params.integer("features");
        SplittableRandom random = new SplittableRandom(context.seed());
        float[] x = new float[n * d];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) ((j == 0 ? (y[i] == 1 ? 1.5 : -1.5) : 0) + gaussian(random));
            }
        }
        return LoadedData.single(Task.Classification.numbered(2),
                new Examples(Nd4j.create(x, new long[]{n, d}, 'c'), Nd4j.create(y, new long[]{n, 1}, 'c')));
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
