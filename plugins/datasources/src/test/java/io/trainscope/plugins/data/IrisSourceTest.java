package io.trainscope.plugins.data;

import io.trainscope.api.data.DataContext;
import io.trainscope.api.data.Examples;
import io.trainscope.api.data.LoadedData;
import io.trainscope.api.data.Task;
import io.trainscope.api.plugin.Parameters;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IrisSourceTest {

    private final IrisSource source = new IrisSource();

    @Test
    void holds150FlowersWithFourMeasurementsInThreeClassesOf50() throws IOException {
        LoadedData data = load();

        Examples all = data.parts().get(LoadedData.ALL);
        assertThat(((Task.Classification) data.task()).classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(all.features().shape()).containsExactly(150, 4);
        int[] counts = new int[3];
        for (float label : all.targets().toFloatVector()) {
            counts[(int) label]++;
        }
        assertThat(counts).containsExactly(50, 50, 50);
    }

    @Test
    void matchesTheDataSetsPublishedSummaryStatistics() throws IOException {
        Examples all = load().parts().get(LoadedData.ALL);

        // UCI's iris.names: means 5.84, 3.05, 3.76, 1.20; minima 4.3, 2.0, 1.0, 0.1; maxima 7.9, 4.4, 6.9, 2.5
        assertThat(all.features().mean(0).toDoubleVector())
                .containsExactly(new double[]{5.84, 3.05, 3.76, 1.20}, within(0.01));
        assertThat(all.features().min(0).toDoubleVector())
                .containsExactly(new double[]{4.3, 2.0, 1.0, 0.1}, within(1e-6));
        assertThat(all.features().max(0).toDoubleVector())
                .containsExactly(new double[]{7.9, 4.4, 6.9, 2.5}, within(1e-6));
    }

    private LoadedData load() throws IOException {
        return source.load(Parameters.empty(), new DataContext(1, Path.of("."), Path.of(".")));
    }
}
