package io.trainscope.examples.seed003;

import io.trainscope.core.Trainscope;
import io.trainscope.examples.ExamplePaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Seed 003's activation study on the Fashion-MNIST sample, reduced to the gradients at
 * initialization of every activation (the dead-neuron sweep has its own test,
 * {@code DeadNeuronsTest}; the comparison sweep's accuracies are measured in docs/activations.md).
 */
class ActivationStudyTest {

    private static final Path CONFIG = ExamplePaths.configs().resolve("seed003-activations.yaml");
    private static Trainscope trainscope;

    @BeforeAll
    static void needsTheSample() {
        Path sample = ExamplePaths.datasets().resolve("fashion-mnist-sample");
        assumeTrue(Files.isDirectory(sample), "the Fashion-MNIST sample is not at " + sample + ": skipped");
        trainscope = Trainscope.create();
    }

    @Test
    void sigmoidsFirstLayerGetsOrdersOfMagnitudeLessGradientThanItsLastWhileReluKeepsItsShape() {
        Map<String, List<Double>> norms = ActivationStudy.gradientsAtInitialization(trainscope, CONFIG);
        assertThat(norms).hasSize(9);
        List<Double> sigmoid = norms.get("sigmoid");
        List<Double> relu = norms.get("relu");
        assertThat(sigmoid.get(0) / sigmoid.get(sigmoid.size() - 1)).isLessThan(1e-2);
        assertThat(relu.get(0) / relu.get(relu.size() - 1)).isGreaterThan(10 * sigmoid.get(0) / sigmoid.get(sigmoid.size() - 1));
    }
}
