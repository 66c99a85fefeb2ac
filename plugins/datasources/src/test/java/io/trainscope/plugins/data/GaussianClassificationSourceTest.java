package io.trainscope.plugins.data;

import io.trainscope.api.data.DataContext;
import io.trainscope.api.data.Examples;
import io.trainscope.api.data.LoadedData;
import io.trainscope.api.data.Task;
import io.trainscope.api.plugin.Parameters;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GaussianClassificationSourceTest {

    private final GaussianClassificationSource source = new GaussianClassificationSource();

    @Test
    void generatesSeed000sShapesByDefault() {
        LoadedData data = load(42);

        Examples all = data.parts().get(LoadedData.ALL);
        assertThat(data.parts()).containsOnlyKeys(LoadedData.ALL);
        assertThat(data.task()).isEqualTo(Task.Classification.numbered(2));
        assertThat(all.features().shape()).containsExactly(1000, 50);
        assertThat(all.targets().shape()).containsExactly(1000, 1);
        assertThat(all.features().dataType().toString()).isEqualTo("FLOAT");
    }

    @Test
    void drawsFeaturesFromAStandardNormal() {
        float[] x = load(7, Map.of("samples", 4000)).parts().get(LoadedData.ALL).features().data().asFloat();

        double n = x.length;
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= n;
        double variance = 0;
        for (float v : x) {
            variance += (v - mean) * (v - mean);
        }
        variance /= n - 1;
        // five standard errors: sd(mean) = 1/sqrt(n), sd(variance) = sqrt(2/(n-1)) for N(0,1)
        assertThat(mean).isCloseTo(0, within(5 / Math.sqrt(n)));
        assertThat(variance).isCloseTo(1, within(5 * Math.sqrt(2 / (n - 1))));
    }

    @Test
    void givesOneDataSetPerSeed() {
        Examples a = load(1).parts().get(LoadedData.ALL);
        Examples again = load(1).parts().get(LoadedData.ALL);
        Examples other = load(2).parts().get(LoadedData.ALL);

        assertThat(again.features()).isEqualTo(a.features());
        assertThat(again.targets()).isEqualTo(a.targets());
        assertThat(other.features()).isNotEqualTo(a.features());
        assertThat(other.targets()).isNotEqualTo(a.targets());
    }

    @Test
    void anExplicitSeedOverridesTheRunsDataSeed() {
        Examples explicit = load(1, Map.of("seed", 99)).parts().get(LoadedData.ALL);
        Examples fromRun = load(99).parts().get(LoadedData.ALL);

        assertThat(explicit.features()).isEqualTo(fromRun.features());
    }

    @Test
    void anExplicitSeedBeyondTheIntRangeIsUsedWhole() {
        long seed = 5_000_000_000L;
        Examples explicit = load(1, Map.of("seed", seed)).parts().get(LoadedData.ALL);
        Examples fromRun = load(seed).parts().get(LoadedData.ALL);
        Examples truncated = load(1, Map.of("seed", (long) (int) seed)).parts().get(LoadedData.ALL);

        assertThat(explicit.features()).isEqualTo(fromRun.features());
        assertThat(explicit.features()).isNotEqualTo(truncated.features());
    }

    @Test
    void drawsRandomLabelsUniformly() {
        int n = 6000;
        int classes = 3;
        float[] y = load(3, Map.of("samples", n, "classes", classes, "features", 2))
                .parts().get(LoadedData.ALL).targets().data().asFloat();

        int[] counts = new int[classes];
        for (float label : y) {
            counts[(int) label]++;
        }
        double expected = (double) n / classes;
        double tolerance = 5 * Math.sqrt(n * (1.0 / classes) * (1 - 1.0 / classes));
        assertThat(Arrays.stream(counts).boxed().toList()).allSatisfy(c -> assertThat((double) c).isCloseTo(expected, within(tolerance)));
    }

    @Test
    void linearLabelsFollowAHyperplaneThroughTheOriginForTwoClasses() {
        Examples all = load(5, Map.of("labels", "linear", "features", 3, "samples", 500)).parts().get(LoadedData.ALL);
        float[][] x = all.features().toFloatMatrix();
        float[] y = all.targets().toFloatVector();

        int ones = 0;
        for (float label : y) {
            ones += (int) label;
        }
        assertThat(ones).as("examples in class 1").isBetween(50, 450);
        assertThat(linearlySeparable(x, y)).isTrue();
    }

    @Test
    void linearLabelsUseEveryClass() {
        float[] y = load(9, Map.of("labels", "linear", "classes", 4)).parts().get(LoadedData.ALL).targets().toFloatVector();

        assertThat(y).contains(0f, 1f, 2f, 3f);
    }

    @Test
    void linearLabelsKeepTheSameFeaturesAsRandomLabels() {
        Examples random = load(8).parts().get(LoadedData.ALL);
        Examples linear = load(8, Map.of("labels", "linear")).parts().get(LoadedData.ALL);

        assertThat(linear.features()).isEqualTo(random.features());
        assertThat(linear.targets()).isNotEqualTo(random.targets());
    }

    /** A perceptron without bias converges exactly when a hyperplane through the origin separates the data. */
    private static boolean linearlySeparable(float[][] x, float[] y) {
        double[] w = new double[x[0].length];
        for (int epoch = 0; epoch < 1000; epoch++) {
            int errors = 0;
            for (int i = 0; i < x.length; i++) {
                double score = 0;
                for (int j = 0; j < w.length; j++) {
                    score += w[j] * x[i][j];
                }
                double sign = y[i] == 1 ? 1 : -1;
                if (score * sign <= 0) {
                    errors++;
                    for (int j = 0; j < w.length; j++) {
                        w[j] += sign * x[i][j];
                    }
                }
            }
            if (errors == 0) {
                return true;
            }
        }
        return false;
    }

    private LoadedData load(long runSeed) {
        return load(runSeed, Map.of());
    }

    private LoadedData load(long runSeed, Map<String, ?> raw) {
        return source.load(Parameters.resolve(source, raw), new DataContext(runSeed, Path.of("."), Path.of(".")));
    }
}
