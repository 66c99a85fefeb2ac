package io.trainscope.examples.seed003;

import io.trainscope.core.Trainscope;
import io.trainscope.core.sweep.RunSummary;
import io.trainscope.core.sweep.SweepListener;
import io.trainscope.core.sweep.SweepPlan;
import io.trainscope.core.sweep.SweepResult;
import io.trainscope.core.sweep.SweepState;
import io.trainscope.core.sweep.Sweeps;
import io.trainscope.core.training.RunOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Seed 003's dead neurons, with {@code configs/seed003-dead-neurons.yaml} pointed at MNIST's
 * 10,000 t10k images: at initialization the 4-layer ReLU net has almost no dead units, the deep
 * ReLU net ([256] x 5 + [128] x 5) has tens of percent in its later layers, and the same nets with
 * swish have none. Skipped when the MNIST files are not next to the repository.
 */
class DeadNeuronsTest {

    private static final Path CONFIG = Path.of("configs", "seed003-dead-neurons.yaml");
    private static final String DEAD = "layer.dead.percent";

    @TempDir
    static Path runs;
    private static SweepResult result;

    @BeforeAll
    static void countDeadUnitsAtInitializationOnMnist() {
        Path mnist = CONFIG.toAbsolutePath().getParent().resolve("../../../shared/datasets/mnist").normalize();
        assumeTrue(Files.isDirectory(mnist), "MNIST t10k is not at " + mnist + ": the dead-neuron test is skipped");
        Sweeps sweeps = Trainscope.create().get(Sweeps.class);
        SweepPlan plan = sweeps.plan(CONFIG, Map.of("data.path", mnist.toString(), "data.class-names", "digits",
                "training.batch-size", 10000, "monitors[0]", Map.of("name", "dead-neurons", "every-epochs", 1000)))
                .orElseThrow();
        result = sweeps.run(plan, RunOptions.defaults().withOutputRoot(runs).withReport(false), SweepListener.NONE);
    }

    /** The dead share per hidden layer at initialization of the run with these settings. */
    private static List<Double> dead(String hiddenLabel, String activation) {
        SweepState.Run run = result.state().runs().stream()
                .filter(r -> r.settings().get("model.activation").equals(activation)
                        && r.settings().get("model.hidden").startsWith(hiddenLabel)).findFirst().orElseThrow();
        RunSummary.Headline h = run.summary().headlines().stream().filter(x -> x.metric().equals(DEAD)).findFirst()
                .orElseThrow();
        assertThat(h.when()).isEqualTo("at initialization");
        return new ArrayList<>(h.layers().values());
    }

    @Test
    void fourRunsShareOneLoadOfTheData() {
        assertThat(result.state().runs()).extracting(SweepState.Run::name).containsExactly(
                "seed003-dead-neurons-512-256-256-128-relu", "seed003-dead-neurons-512-256-256-128-swish",
                "seed003-dead-neurons-256-256-256-256-256-128-128-128-128-128-relu",
                "seed003-dead-neurons-256-256-256-256-256-128-128-128-128-128-swish");
        assertThat(result.dataLoads()).isEqualTo(1);
    }

    @Test
    void theSeedsFourLayerReluNetHasAlmostNoDeadUnits() {
        assertThat(dead("[512", "relu")).hasSize(4).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(5.0));
    }

    @Test
    void theDeepReluNetHasTensOfPercentDeadInItsLaterLayersAndMoreWithDepth() {
        List<Double> deep = dead("[256", "relu");
        assertThat(deep).hasSize(10);
        assertThat(deep.subList(0, 2)).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(1.0));
        assertThat(deep.subList(4, 10)).anySatisfy(p -> assertThat(p).isGreaterThanOrEqualTo(20.0));
        double early = deep.subList(0, 5).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double late = deep.subList(5, 10).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(late).as("later layers: more dead units").isGreaterThan(early + 10);
    }

    @Test
    void swishHasNoDeadUnitsInEitherNet() {
        assertThat(dead("[512", "swish")).hasSize(4).containsOnly(0.0);
        assertThat(dead("[256", "swish")).hasSize(10).containsOnly(0.0);
    }

    @Test
    void everyRunIsNamedByItsSettings() {
        assertThat(result.state().runs()).extracting(SweepState.Run::settings).extracting(s -> s.get("model.hidden"))
                .containsExactly("[512, 256, 256, 128]", "[512, 256, 256, 128]",
                        "[256, 256, 256, 256, 256, 128, 128, 128, 128, 128]",
                        "[256, 256, 256, 256, 256, 128, 128, 128, 128, 128]");
        assertThat(result.state().runs()).extracting(SweepState.Run::summary).extracting(RunSummary::failed)
                .containsOnly(false);
    }
}
