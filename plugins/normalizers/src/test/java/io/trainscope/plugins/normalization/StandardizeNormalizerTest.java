package io.trainscope.plugins.normalization;

import io.trainscope.api.normalization.FeatureStatistics;
import io.trainscope.api.normalization.InputTransform;
import io.trainscope.api.plugin.Parameters;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StandardizeNormalizerTest {

    private static final int ROWS = 500;
    private final StandardizeNormalizer standardize = new StandardizeNormalizer();

    /** Columns: N(5, 3²), U(0, 255), constant 2.5, constant 0 (an MNIST border pixel), constant 0.1, 0/1. */
    private static INDArray training() {
        Random random = new Random(4);
        double[][] rows = new double[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            rows[i] = new double[]{5 + 3 * random.nextGaussian(), 255 * random.nextDouble(), 2.5, 0.0, 0.1,
                    random.nextBoolean() ? 1 : 0};
        }
        return Nd4j.createFromArray(rows).castTo(DataType.FLOAT);
    }

    /** Statistics as the core computes them: per-column mean and population standard deviation. */
    private static FeatureStatistics statistics(INDArray x) {
        return new FeatureStatistics(x.mean(true, 0), x.std(false, true, 0), x.min(true, 0), x.max(true, 0), x.rows());
    }

    private InputTransform fitted(INDArray x) {
        return standardize.inputTransform(statistics(x), Parameters.defaults(standardize)).orElseThrow();
    }

    @Test
    void givesTheTrainingSplitZeroMeanAndUnitStandardDeviationPerVaryingFeature() {
        INDArray x = training();

        INDArray z = fitted(x).apply(x);

        double[] means = z.mean(0).toDoubleVector();
        double[] stds = z.std(false, 0).toDoubleVector();
        for (int column : new int[]{0, 1, 5}) {
            // float32 sums of 500 values of order 1: error around 1e-6
            assertThat(means[column]).as("mean of column %s", column).isCloseTo(0.0, within(1e-5));
            assertThat(stds[column]).as("std of column %s", column).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void mapsFeaturesConstantOnTheTrainingSplitToZero() {
        INDArray x = training();

        INDArray z = fitted(x).apply(x);

        for (int column : new int[]{2, 3, 4}) {
            for (double v : z.getColumn(column).toDoubleVector()) {
                assertThat(v).as("column %s", column).isCloseTo(0.0, within(1e-6));
            }
        }
    }

    @Test
    void onlyCentresUnseenValuesOfAConstantFeatureSoTheyStayFiniteAndSmall() {
        INDArray unseen = Nd4j.createFromArray(new float[][]{{5, 100, 3.5f, 255, 1.1f, 1}});

        INDArray z = fitted(training()).apply(unseen);

        assertThat(z.getDouble(0, 2)).isCloseTo(1.0, within(1e-6));
        assertThat(z.getDouble(0, 3)).isCloseTo(255.0, within(1e-6));
        assertThat(z.getDouble(0, 4)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void treatsAStandardDeviationThatIsOnlyFloatRoundingNoiseAsAConstantFeature() {
        // a constant 0.1 column whose statistics were accumulated in float32 can report std ~ 1e-9
        INDArray mean = Nd4j.createFromArray(new float[][]{{0.1f, 0.001f}});
        INDArray std = Nd4j.createFromArray(new float[][]{{3e-9f, 1e-4f}});
        InputTransform transform = standardize.inputTransform(new FeatureStatistics(mean, std, mean, mean, 100),
                Parameters.defaults(standardize)).orElseThrow();

        INDArray z = transform.apply(Nd4j.createFromArray(new float[][]{{1.1f, 0.0012f}}));

        assertThat(z.getDouble(0, 0)).as("centred only").isCloseTo(1.0, within(1e-6));
        assertThat(z.getDouble(0, 1)).as("a small but real spread is still scaled").isCloseTo(2.0, within(1e-3));
    }

    @Test
    void appliesTheTrainingStatisticsToOtherBatchesWithTheDocumentedFormula() {
        INDArray x = training();
        FeatureStatistics stats = statistics(x);
        double eps = 1e-3;
        InputTransform transform = standardize.inputTransform(stats,
                Parameters.resolve(standardize, Map.of("eps", eps))).orElseThrow();
        INDArray batch = Nd4j.createFromArray(new float[][]{{-1, 10, 2.5f, 0, 0.1f, 0}, {11, 250, 2.5f, 0, 0.1f, 1}});

        INDArray z = transform.apply(batch.dup());

        for (int i = 0; i < 2; i++) {
            for (int j : new int[]{0, 1, 5}) {
                double expected = (batch.getDouble(i, j) - stats.mean().getDouble(0, j)) / (stats.std().getDouble(0, j) + eps);
                assertThat(z.getDouble(i, j)).as("row %s column %s", i, j).isCloseTo(expected, within(1e-5 * Math.abs(expected) + 1e-6));
            }
        }
    }

    @Test
    void returnsANewArrayAndLeavesTheFeaturesUnchanged() {
        INDArray x = training();
        INDArray before = x.dup();

        INDArray z = fitted(x).apply(x);

        assertThat(z).isNotSameAs(x);
        assertThat(x).isEqualTo(before);
    }

    @Test
    void keepsTheFeaturesDataType() {
        INDArray x = training();
        INDArray doubles = x.castTo(DataType.DOUBLE);

        assertThat(fitted(x).apply(doubles).dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(fitted(x).apply(x).dataType()).isEqualTo(DataType.FLOAT);
    }

    @Test
    void globalScopeUsesOneMeanAndStandardDeviationOverAllValuesOfTheTrainingSplit() {
        INDArray x = training();
        InputTransform global = standardize.inputTransform(statistics(x),
                Parameters.resolve(standardize, Map.of("scope", "global"))).orElseThrow();

        INDArray z = global.apply(x);

        double mean = x.meanNumber().doubleValue();
        double std = x.stdNumber().doubleValue() * Math.sqrt((x.length() - 1.0) / x.length());
        assertThat(z.meanNumber().doubleValue()).isCloseTo(0.0, within(1e-4));
        assertThat(z.std(false, 0, 1).getDouble(0)).isCloseTo(1.0, within(1e-4));
        for (int column = 0; column < x.columns(); column++) {
            double expected = (x.getDouble(7, column) - mean) / (std + 1e-8);
            assertThat(z.getDouble(7, column)).as("column %s", column).isCloseTo(expected, within(1e-3 * Math.abs(expected) + 1e-4));
        }
    }

    @Test
    void globalScopeMapsAConstantBorderPixelToTheSameValueAsAnyOtherPixelOfThatIntensity() {
        INDArray x = training();
        InputTransform global = standardize.inputTransform(statistics(x),
                Parameters.resolve(standardize, Map.of("scope", "global"))).orElseThrow();

        INDArray z = global.apply(Nd4j.createFromArray(new float[][]{{0, 0, 0, 0, 0, 0}}));

        double first = z.getDouble(0, 0);
        assertThat(first).isLessThan(0);
        for (int column = 1; column < 6; column++) {
            assertThat(z.getDouble(0, column)).as("column %s", column).isEqualTo(first);
        }
    }

    @Test
    void globalFiguresFromPerFeatureOnesEqualThoseOfAllValues() {
        double[] global = StandardizeNormalizer.global(new double[]{1, 3}, new double[]{0, 1});
        // values {1, 1, 2, 4}: mean 2, population variance (1 + 1 + 0 + 4) / 4 = 1.5
        assertThat(global[0]).isEqualTo(2.0);
        assertThat(global[1]).isCloseTo(Math.sqrt(1.5), within(1e-12));
    }

    @Test
    void leavesHiddenLayersAlone() {
        assertThat(standardize.hiddenLayers(10, Parameters.defaults(standardize))).isEmpty();
    }
}
