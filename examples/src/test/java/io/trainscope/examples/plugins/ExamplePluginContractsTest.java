package io.trainscope.examples.plugins;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.data.DataContext;
import io.trainscope.api.data.DataSource;
import io.trainscope.api.data.LoadedData;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.normalization.Normalizer;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.testkit.InitializerChecks;
import io.trainscope.testkit.PluginConventions;
import io.trainscope.testkit.ServiceFiles;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The example plugins' own tests, as a plugin author writes them with the testkit: one line per check. */
class ExamplePluginContractsTest {

    @Test
    void everyExamplePluginKeepsTheConventions() {
        PluginConventions.assertFollowed(new SparseNormalInitializer());
        PluginConventions.assertFollowed(new WeightDriftMonitor());
        PluginConventions.assertFollowed(new TwoSpiralsSource());
        PluginConventions.assertFollowed(new MinMaxScaling());
    }

    @Test
    void everyExamplePluginClassIsRegistered() throws Exception {
        ServiceFiles.assertEveryImplementationRegistered(SoftsignActivation.class, Activation.class);
        ServiceFiles.assertEveryImplementationRegistered(SoftsignActivation.class, Initializer.class);
        ServiceFiles.assertEveryImplementationRegistered(SoftsignActivation.class, Monitor.class);
        ServiceFiles.assertEveryImplementationRegistered(SoftsignActivation.class, DataSource.class);
        ServiceFiles.assertEveryImplementationRegistered(SoftsignActivation.class, Normalizer.class);
    }

    @Test
    void sparseNormalHasMeanZeroAndVarianceGainSquaredOverFanIn() {
        InitializerChecks.assertVarianceFollows(new SparseNormalInitializer(), fan -> 1.0 / fan.in());
        SparseNormalInitializer init = new SparseNormalInitializer();
        InitializerChecks.assertVarianceFollows(init, Parameters.resolve(init, Map.of("density", 0.5, "gain", 1.5)),
                fan -> 2.25 / fan.in());
    }

    @Test
    void twoSpiralsGivesTheSameBalancedPointsInsideTheUnitDiscForOneSeed() throws Exception {
        TwoSpiralsSource source = new TwoSpiralsSource();
        Parameters params = Parameters.resolve(source, Map.of("samples", 500, "noise", 0.0));
        LoadedData a = source.load(params, new DataContext(5, Path.of("."), Path.of(".")));
        LoadedData b = source.load(params, new DataContext(5, Path.of("."), Path.of(".")));
        INDArray xy = a.parts().get(LoadedData.ALL).features();
        assertThat(xy.shape()).containsExactly(500, 2);
        assertThat(xy).isEqualTo(b.parts().get(LoadedData.ALL).features());
        assertThat(xy.norm2(1).maxNumber().doubleValue()).isLessThanOrEqualTo(1.0 + 1e-6);
        assertThat(a.parts().get(LoadedData.ALL).targets().meanNumber().doubleValue()).isCloseTo(0.5, within(1e-9));
        assertThat(a.task().outputs()).isEqualTo(2);
    }
}
