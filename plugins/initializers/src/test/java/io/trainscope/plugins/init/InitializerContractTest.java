package io.trainscope.plugins.init;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.plugin.ParameterException;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.testkit.PluginConventions;
import io.trainscope.testkit.SeededWeightRandom;
import io.trainscope.testkit.ServiceFiles;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every initializer of this module promises, checked over the set {@link java.util.ServiceLoader} finds. */
class InitializerContractTest {

    private static final Fan FAN = new Fan(30, 20);

    static Stream<Named<Initializer>> initializers() {
        return Initializers.all().stream().map(p -> Named.of(p.name(), p));
    }

    @Test
    void registersExactlyTheInitializersTheDesignNames() {
        assertThat(Initializers.all()).extracting(Initializer::name).containsExactlyInAnyOrder(
                "normal", "uniform", "zeros", "xavier-normal", "xavier-uniform",
                "he-normal", "he-uniform", "lecun-normal", "torch-default");
    }

    @Test
    void servicesFileListsEveryInitializerClassOfThePackage() throws Exception {
        assertThat(ServiceFiles.registered(Initializer.class))
                .isEqualTo(ServiceFiles.implementationsNextTo(NormalInitializer.class, Initializer.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("initializers")
    void hasALowerCaseHyphenatedNameADescriptionAndDefaultsInRange(Initializer init) {
        assertThat(PluginConventions.violations(init)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("initializers")
    void overwritesEveryElementOfTheWeights(Initializer init) {
        INDArray w = Nd4j.valueArrayOf(new long[]{FAN.in(), FAN.out()}, Float.NaN, DataType.FLOAT);

        init.fill(w, FAN, Parameters.defaults(init), new SeededWeightRandom(1));

        assertThat(values(w)).allMatch(Double::isFinite);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("initializers")
    void drawsAllItsRandomnessFromTheGivenWeightRandom(Initializer init) {
        Parameters params = Parameters.defaults(init);
        INDArray first = Nd4j.create(DataType.FLOAT, FAN.in(), FAN.out());
        INDArray second = Nd4j.create(DataType.FLOAT, FAN.in(), FAN.out());
        INDArray firstBias = Nd4j.create(DataType.FLOAT, 1, FAN.out());
        INDArray secondBias = Nd4j.create(DataType.FLOAT, 1, FAN.out());
        SeededWeightRandom a = new SeededWeightRandom(7);
        SeededWeightRandom b = new SeededWeightRandom(7);

        init.fill(first, FAN, params, a);
        init.fillBias(firstBias, FAN, params, a);
        Nd4j.getRandom().nextDouble(); // moving the global generator must not matter
        init.fill(second, FAN, params, b);
        init.fillBias(secondBias, FAN, params, b);

        assertThat(second).isEqualTo(first);
        assertThat(secondBias).isEqualTo(firstBias);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("initializers")
    void setsBiasesToZeroUnlessItIsTorchDefault(Initializer init) {
        INDArray bias = Nd4j.valueArrayOf(new long[]{1, FAN.out()}, Float.NaN, DataType.FLOAT);

        init.fillBias(bias, FAN, Parameters.defaults(init), new SeededWeightRandom(3));

        if (init.name().equals("torch-default")) {
            assertThat(values(bias)).anyMatch(v -> v != 0.0);
        } else {
            assertThat(values(bias)).containsOnly(0.0);
        }
    }

    @Test
    void torchDefaultDrawsBiasesWithinPlusMinusOneOverSqrtFanInAndSpreadsThem() {
        Initializer init = new TorchDefaultInitializer();
        Fan fan = new Fan(64, 4096);
        INDArray bias = Nd4j.create(DataType.FLOAT, 1, fan.out());

        init.fillBias(bias, fan, Parameters.empty(), new SeededWeightRandom(5));

        double bound = 1 / Math.sqrt(64);
        assertThat(values(bias)).allMatch(v -> Math.abs(v) <= bound);
        // 4096 uniform draws leave no gap wider than 1% of the range at either end (P < 1e-17)
        assertThat(bias.maxNumber().doubleValue()).isGreaterThan(0.98 * bound);
        assertThat(bias.minNumber().doubleValue()).isLessThan(-0.98 * bound);
    }

    @Test
    void zerosSetsEveryWeightToZero() {
        INDArray w = Nd4j.rand(DataType.FLOAT, FAN.in(), FAN.out());

        new ZerosInitializer().fill(w, FAN, Parameters.empty(), new SeededWeightRandom(1));

        assertThat(values(w)).containsOnly(0.0);
    }

    @Test
    void uniformRejectsALowNotBelowHighNamingHigh() {
        Initializer uniform = new UniformInitializer();

        for (double[] lowHigh : List.of(new double[]{0.5, 0.1}, new double[]{0.2, 0.2})) {
            assertThatThrownBy(() -> Parameters.resolve(uniform, Map.of("low", lowHigh[0], "high", lowHigh[1])))
                    .isInstanceOfSatisfying(ParameterException.class, e -> assertThat(e.parameter()).isEqualTo("high"))
                    .hasMessageContaining("greater than low")
                    .hasMessageContaining(String.valueOf(lowHigh[0]))
                    .hasMessageContaining(String.valueOf(lowHigh[1]));
        }
    }

    @Test
    void uniformAcceptsALowBelowHigh() {
        Parameters params = Parameters.resolve(new UniformInitializer(), Map.of("low", -1.0, "high", -0.5));

        assertThat(params.real("high")).isEqualTo(-0.5);
    }

    @Test
    void heInitializersDeclareTheFanModeAndSlopeOnce() {
        assertThat(new HeNormalInitializer().parameters()).isSameAs(new HeUniformInitializer().parameters());
        assertThat(Scaling.FAN_MODE.choices()).containsExactly("in", "out");
        assertThat(Scaling.FAN_MODE.defaultValue()).isEqualTo("in");
    }

    private static List<Double> values(INDArray array) {
        return Arrays.stream(array.ravel().toDoubleVector()).boxed().toList();
    }
}
