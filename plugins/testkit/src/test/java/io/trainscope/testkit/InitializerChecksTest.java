package io.trainscope.testkit;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.plugin.Parameters;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InitializerChecksTest {

    /** An initializer made of its variance formula: N(0, variance(fan)), drawn from the given source. */
    private record Gaussian(ToDoubleFunction<Fan> variance) implements Initializer {
        @Override
        public String name() {
            return "gaussian";
        }

        @Override
        public String description() {
            return "N(0, variance(fan))";
        }

        @Override
        public void fill(INDArray w, Fan fan, Parameters params, WeightRandom random) {
            random.normal(w, 0.0, Math.sqrt(variance.applyAsDouble(fan)));
        }
    }

    /** LeCun uniform, U(-sqrt(3/fanIn), sqrt(3/fanIn)), with a sparse cousin in the examples: variance 1/fanIn. */
    private static final Initializer LECUN_UNIFORM = new Initializer() {
        @Override
        public String name() {
            return "lecun-uniform";
        }

        @Override
        public String description() {
            return "U(-sqrt(3/fanIn), sqrt(3/fanIn))";
        }

        @Override
        public void fill(INDArray w, Fan fan, Parameters params, WeightRandom random) {
            double bound = Math.sqrt(3.0 / fan.in());
            random.uniform(w, -bound, bound);
        }
    };

    @Test
    void acceptsAnInitializerThatDrawsWhatItsFormulaSaysAtBothFans() {
        assertThatCode(() -> InitializerChecks.assertVarianceFollows(new Gaussian(f -> 2.0 / f.in()), f -> 2.0 / f.in()))
                .doesNotThrowAnyException();
        assertThatCode(() -> InitializerChecks.assertVarianceFollows(LECUN_UNIFORM, f -> 1.0 / f.in()))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesTheWrongFanAndSaysWhereTheVarianceIsOff() {
        assertThatThrownBy(() -> InitializerChecks.assertVarianceFollows(new Gaussian(f -> 2.0 / f.out()), f -> 2.0 / f.in()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("'gaussian' (" + Gaussian.class.getName() + ") with {} at fan-in 256, fan-out 1024: "
                        + "sample variance 0.00195")
                .hasMessageContaining("expected 0.00781250 ± ")
                .hasMessageContaining("at fan-in 1024, fan-out 256: sample variance 0.00781");
    }

    @Test
    void refusesAGainTwoPercentOff() {
        assertThat(InitializerChecks.momentMismatches(new Gaussian(f -> 1.02 / f.in()), Parameters.empty(),
                InitializerChecks.WIDE, 0.0, 1.0 / 256)).singleElement().asString().contains("sample variance");
    }

    @Test
    void refusesAShiftedMean() {
        assertThat(InitializerChecks.momentMismatches(new Gaussian(f -> 1.0 / f.in()), Parameters.empty(),
                InitializerChecks.WIDE, 0.01, 1.0 / 256)).singleElement().asString().contains("sample mean");
    }

    @Test
    void refusesAnInitializerThatDrawsFromNd4jsGlobalGenerator() {
        assertThat(InitializerChecks.contractViolations(new Initializer() {
            @Override
            public String name() {
                return "global";
            }

            @Override
            public String description() {
                return "draws from Nd4j.getRandom()";
            }

            @Override
            public void fill(INDArray w, Fan fan, Parameters params, WeightRandom random) {
                w.assign(Nd4j.rand(w.dataType(), w.shape()));
            }
        }, Parameters.empty())).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("'global' (")
                .contains("two random sources with one seed gave different"));
    }

    @Test
    void refusesAnInitializerThatLeavesPartOfTheTensorAlone() {
        Initializer half = new Initializer() {
            @Override
            public String name() {
                return "half";
            }

            @Override
            public String description() {
                return "fills the first row only";
            }

            @Override
            public void fill(INDArray w, Fan fan, Parameters params, WeightRandom random) {
                random.normal(w.getRow(0), 0, 1);
            }
        };
        assertThat(InitializerChecks.contractViolations(half, Parameters.empty()))
                .contains("'half' (" + half.getClass().getName() + "): fill leaves NaN in FLOAT weights it should "
                        + "overwrite (or writes non-finite values)");
    }

    @Test
    void theSeededSourceRepeatsItsDrawsWhateverTheGlobalGeneratorDoes() {
        INDArray a = Nd4j.create(4, 5);
        INDArray b = Nd4j.create(4, 5);
        new SeededWeightRandom(3).uniform(a, -1, 1);
        Nd4j.getRandom().nextInt();
        new SeededWeightRandom(3).uniform(b, -1, 1);
        assertThat(b).isEqualTo(a);
        assertThat(a.minNumber().doubleValue()).isGreaterThanOrEqualTo(-1);
    }
}
