package io.trainscope.plugins.data;

import io.trainscope.api.data.DataContext;
import io.trainscope.api.data.Examples;
import io.trainscope.api.data.LoadedData;
import io.trainscope.api.data.Task;
import io.trainscope.api.plugin.ParameterException;
import io.trainscope.api.plugin.Parameters;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PolynomialRegressionSourceTest {

    private final PolynomialRegressionSource source = new PolynomialRegressionSource();

    @Test
    void appendsAColumnOfOnesWhenTheLastWeightIsABias() {
        LoadedData data = load(1);

        Examples all = data.parts().get(LoadedData.ALL);
        assertThat(data.task()).isEqualTo(new Task.Regression(1));
        assertThat(all.features().shape()).containsExactly(1000, 3);
        assertThat(all.targets().shape()).containsExactly(1000, 1);
        assertThat(all.features().getColumn(2).toFloatVector()).containsOnly(1f);
    }

    @Test
    void computesTargetsByTheFormulaWithBias() {
        List<Double> w = List.of(2.0, -1.0, 0.5, 3.0);
        Examples all = load(2, Map.of("weights", w, "degree", 3, "noise", 0.0)).parts().get(LoadedData.ALL);

        float[][] x = all.features().toFloatMatrix();
        float[] y = all.targets().toFloatVector();
        assertThat(x[0]).hasSize(4);
        for (int i = 0; i < x.length; i++) {
            double expected = w.get(3);
            for (int j = 0; j < 3; j++) {
                expected += Math.pow(x[i][j], 3) * w.get(j);
            }
            assertThat(y[i]).isCloseTo((float) expected, within(1e-5f * (1 + Math.abs((float) expected))));
            assertThat(x[i][3]).isEqualTo(1f);
        }
    }

    @Test
    void usesEveryWeightAsAnInputWeightWithoutBias() {
        List<Double> w = List.of(2.0, -1.0);
        Examples all = load(3, Map.of("weights", w, "bias", false, "degree", 2, "noise", 0.0)).parts().get(LoadedData.ALL);

        float[][] x = all.features().toFloatMatrix();
        float[] y = all.targets().toFloatVector();
        assertThat(x[0]).hasSize(2);
        for (int i = 0; i < x.length; i++) {
            double expected = 2 * x[i][0] * x[i][0] - x[i][1] * x[i][1];
            assertThat(y[i]).isCloseTo((float) expected, within(1e-5f * (1 + Math.abs((float) expected))));
        }
    }

    @Test
    void addsGaussianNoiseOfTheRequestedSize() {
        double noise = 0.5;
        int n = 5000;
        Examples clean = load(4, Map.of("noise", 0.0, "samples", n)).parts().get(LoadedData.ALL);
        Examples noisy = load(4, Map.of("noise", noise, "samples", n)).parts().get(LoadedData.ALL);

        assertThat(noisy.features()).isEqualTo(clean.features());
        float[] residual = noisy.targets().sub(clean.targets()).toFloatVector();
        double mean = 0;
        double squares = 0;
        for (float r : residual) {
            mean += r;
            squares += r * r;
        }
        mean /= n;
        double sd = Math.sqrt(squares / n - mean * mean);
        assertThat(mean).isCloseTo(0, within(5 * noise / Math.sqrt(n)));
        assertThat(sd).isCloseTo(noise, within(5 * noise / Math.sqrt(2.0 * n)));
    }

    @Test
    void drawsInputsFromAStandardNormal() {
        float[][] x = load(5, Map.of("samples", 4000)).parts().get(LoadedData.ALL).features().toFloatMatrix();

        double n = 2 * x.length;
        double sum = 0;
        double squares = 0;
        for (float[] row : x) {
            sum += row[0] + row[1];
            squares += row[0] * row[0] + row[1] * row[1];
        }
        double mean = sum / n;
        double variance = (squares - n * mean * mean) / (n - 1);
        assertThat(mean).isCloseTo(0, within(5 / Math.sqrt(n)));
        assertThat(variance).isCloseTo(1, within(5 * Math.sqrt(2 / (n - 1))));
    }

    @Test
    void givesOneDataSetPerSeed() {
        Examples a = load(6).parts().get(LoadedData.ALL);
        Examples again = load(6).parts().get(LoadedData.ALL);
        Examples other = load(7).parts().get(LoadedData.ALL);
        Examples explicit = load(1, Map.of("seed", 6)).parts().get(LoadedData.ALL);

        assertThat(again.features()).isEqualTo(a.features());
        assertThat(again.targets()).isEqualTo(a.targets());
        assertThat(explicit.targets()).isEqualTo(a.targets());
        assertThat(other.features()).isNotEqualTo(a.features());
        assertThat(other.targets()).isNotEqualTo(a.targets());
    }

    @Test
    void rejectsABiasWithoutInputWeights() {
        assertThatThrownBy(() -> Parameters.resolve(source, Map.of("weights", List.of(1.0))))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("needs at least two numbers with bias: true");
    }

    private LoadedData load(long runSeed) {
        return load(runSeed, Map.of());
    }

    private LoadedData load(long runSeed, Map<String, ?> raw) {
        return source.load(Parameters.resolve(source, raw), new DataContext(runSeed, Path.of("."), Path.of(".")));
    }
}
