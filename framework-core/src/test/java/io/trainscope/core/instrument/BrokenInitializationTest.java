package io.trainscope.core.instrument;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Remedy;
import io.trainscope.api.monitor.Severity;
import io.trainscope.core.TestTrainscope;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A graph an application built with a broken initialization gets the finding it deserves, about its
 * own layer names, with a prescription worded for DL4J code.
 */
class BrokenInitializationTest {

    @Test
    void aDeepSigmoidGraphWithUnitNormalWeightsIsToldItsGradientsVanishInDl4jsWords() {
        ComputationGraph graph = UserNetworks.sigmoidNormal(21);
        List<Finding> findings;
        try (InstrumentedRun run = TestTrainscope.get().instrument(graph, InstrumentOptions.inMemory(null)
                .monitors("gradient-norms", "saturation"))) {
            UserNetworks.binary(21, 4, 64, 50).forEach(graph::fit);
            findings = run.findings();
        }

        Finding vanishing = findings.stream().filter(f -> f.pathology().equals(Pathology.VANISHING_GRADIENTS))
                .findFirst().orElseThrow(() -> new AssertionError("no vanishing-gradients finding in " + findings));
        assertThat(vanishing.layer()).as("the first layer, numbered as the network").isEqualTo(0);
        assertThat(String.join("\n", vanishing.evidence())).contains("sig1").contains("sig14");
        assertThat(vanishing.prescription()).contains("`.weightInit(WeightInit.XAVIER)`")
                .contains("`.activation(Activation.RELU)`").contains("`.weightInit(WeightInit.RELU)`")
                .contains("a `BatchNormalization` layer").doesNotContain("he-normal").doesNotContain("xavier-normal");
        assertThat(vanishing.remedies()).contains(Remedy.initializer("xavier-normal"), Remedy.activation("relu"));
    }

    @Test
    void aGraphWithZeroWeightsIsToldItsUnitsAreSymmetric() {
        ComputationGraph graph = UserNetworks.residual(22, Activation.TANH, WeightInit.ZERO);
        List<Finding> findings;
        try (InstrumentedRun run = TestTrainscope.get().instrument(graph, InstrumentOptions.inMemory(null)
                .monitors("symmetry"))) {
            findings = run.findings();
        }

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.pathology()).isEqualTo(Pathology.SYMMETRY);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.layer()).isZero();
            assertThat(String.join("\n", f.evidence())).contains("d1: 16 of 16 units have a twin")
                    .contains("d3: 8 of 8").doesNotContain("skip").doesNotContain("cat");
            assertThat(f.prescription()).contains("`.weightInit(WeightInit.XAVIER)` for tanh and sigmoid, "
                    + "`.weightInit(WeightInit.RELU)` for relu");
        });
    }
}
