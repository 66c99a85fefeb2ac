package io.trainscope.examples.seed001;

import io.trainscope.core.Trainscope;
import io.trainscope.core.gradcheck.GradientCheckOptions;
import io.trainscope.core.gradcheck.GradientCheckReport;
import io.trainscope.core.gradcheck.GradientCheckTable;
import io.trainscope.core.gradcheck.TensorCheck;
import io.trainscope.examples.ExamplePaths;
import io.trainscope.examples.seed001.BackpropByHand.Case;
import io.trainscope.examples.seed001.BackpropByHand.Init;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Seed 001 on 300 of the 8 x 8 digits: with N(0, 1) weights the logits reach the tens, float32's
 * naive softmax overflows and the comparison with DL4J fails; with he-normal everything agrees.
 */
class BackpropByHandTest {

    private static List<Case> cases;
    private static Digits8x8 digits;

    @BeforeAll
    static void runTheFourCases() throws Exception {
        Path mnist = ExamplePaths.mnist();
        assumeTrue(Files.isDirectory(mnist), "MNIST t10k is not at " + mnist + ": seed 001's test is skipped");
        digits = Digits8x8.load(mnist, 300);
        cases = BackpropByHand.runAll(digits, 42);
    }

    private static Case get(Init init, DataType type) {
        return cases.stream().filter(c -> c.init() == init && c.type() == type).findFirst().orElseThrow();
    }

    @Test
    void unitNormalWeightsPushTheLogitsIntoTheTens() {
        Case c = get(Init.NORMAL, DataType.DOUBLE);
        assertThat(Math.max(-c.minLogit(), c.maxLogit())).isGreaterThan(20);
        assertThat(get(Init.HE_NORMAL, DataType.DOUBLE).maxLogit()).isLessThan(10);
    }

    @Test
    void theNaiveSoftmaxOverflowsInFloat32AndItsGradientsAreNaN() {
        Case c = get(Init.NORMAL, DataType.FLOAT);
        assertThat(c.overflows()).isPositive();
        assertThat(c.naiveLoss()).isNaN();
        assertThat(c.naive().agrees()).isFalse();
        assertThat(c.naive().row("0_W").maxAbs()).isNaN();
        assertThat(c.stableLoss()).isFinite();
    }

    @Test
    void withUnitNormalWeightsTheComparisonFailsOnTheLossDl4jClips() {
        for (DataType type : List.of(DataType.DOUBLE, DataType.FLOAT)) {
            Case c = get(Init.NORMAL, type);
            assertThat(c.comparison().agrees()).isFalse();
            assertThat(c.comparison().row("loss").agrees()).isFalse();
            assertThat(c.dl4jLoss()).as("DL4J's score clips -log p at -log 1e-10").isLessThan(c.stableLoss());
        }
    }

    @Test
    void withHeNormalEveryGradientAndTheLossAgreeInBothTypes() {
        for (DataType type : List.of(DataType.DOUBLE, DataType.FLOAT)) {
            Case c = get(Init.HE_NORMAL, type);
            assertThat(c.comparison().rows()).allSatisfy(r -> assertThat(r.agrees()).as(r.name()).isTrue());
            assertThat(c.naive().agrees()).isTrue();
        }
        assertThat(get(Init.HE_NORMAL, DataType.DOUBLE).comparison().row("0_W").maxRel()).isLessThan(1e-9);
    }

    @Test
    void theReusableGradientCheckPassesTheSeedsNetworkAtBothInits() {
        Trainscope trainscope = Trainscope.create();
        for (Init init : Init.values()) {
            GradientCheckReport report = SeedGradcheck.check(trainscope, digits, init, 42, GradientCheckOptions.DEFAULTS);
            assertThat(report.passed()).as("%s%n%s", init, GradientCheckTable.render(report)).isTrue();
            assertThat(report.tensors()).extracting(TensorCheck::name)
                    .containsExactly("hidden-0 W", "hidden-0 b", "output W", "output b");
            assertThat(report.tensor("hidden-0 W").zero()).isFalse();
        }
    }

    @Test
    void downsamplingAveragesThreeByThreeBlocksInsideTheBorder() {
        double[] image = new double[28 * 28];
        for (int r = 2; r < 5; r++) {
            for (int c = 2; c < 5; c++) {
                image[r * 28 + c] = 1;
            }
        }
        double[] small = Digits8x8.downsample(image);
        assertThat(small[0]).isEqualTo(16.0);
        assertThat(small[1]).isZero();
    }
}
