package io.trainscope.examples.plugins;

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
 * The two-spirals problem ({@code two-spirals}), an example data source that lives only in the
 * examples module: two interleaved spiral arms in the plane, one class each, which no linear model
 * separates. Example {@code i} belongs to arm {@code i mod 2}; its angle is
 * {@code t = 2π·turns·sqrt(u)} for {@code u} uniform in [0, 1) (so points are spread evenly along
 * the arm), its radius {@code t / (2π·turns)} (from 0 to 1), the second arm is the first turned by
 * π, and N(0, noise²) is added to both coordinates.
 *
 * <p>Everything random is drawn from one {@link SplittableRandom} seeded with the run's data seed
 * ({@link DataContext#seed()}): one seed, one data set.
 */
public final class TwoSpiralsSource implements DataSource {

    static final ParameterSpec SAMPLES = ParameterSpec.integer("samples", 1000, "number of points, half per arm")
            .between(2, 10_000_000);
    static final ParameterSpec TURNS = ParameterSpec.real("turns", 1.5, "turns of each arm around the centre")
            .greaterThan(0).atMost(10);
    static final ParameterSpec NOISE = ParameterSpec.real("noise", 0.05, "standard deviation of the noise added to x and y")
            .atLeast(0);

    @Override
    public String name() {
        return "two-spirals";
    }

    @Override
    public String description() {
        return "two interleaved spiral arms in the plane, one class each (example plugin)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(SAMPLES, TURNS, NOISE);
    }

    @Override
    public LoadedData load(Parameters params, DataContext context) {
        int n = params.integer(SAMPLES.name());
        double sweep = 2 * Math.PI * params.real(TURNS.name());
        double noise = params.real(NOISE.name());
        SplittableRandom random = new SplittableRandom(context.seed());
        float[] xy = new float[2 * n];
        float[] arm = new float[n];
        for (int i = 0; i < n; i++) {
            arm[i] = i % 2;
            double t = sweep * Math.sqrt(random.nextDouble());
            double angle = t + Math.PI * arm[i];
            double radius = t / sweep;
            xy[2 * i] = (float) (radius * Math.cos(angle) + noise * random.nextGaussian());
            xy[2 * i + 1] = (float) (radius * Math.sin(angle) + noise * random.nextGaussian());
        }
        return LoadedData.single(new Task.Classification(List.of("arm-0", "arm-1")),
                new Examples(Nd4j.create(xy, new long[]{n, 2}, 'c'), Nd4j.create(arm, new long[]{n, 1}, 'c')));
    }
}
