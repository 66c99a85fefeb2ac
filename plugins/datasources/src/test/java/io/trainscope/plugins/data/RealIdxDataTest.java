package io.trainscope.plugins.data;

import io.trainscope.api.data.DataContext;
import io.trainscope.api.data.Examples;
import io.trainscope.api.data.LoadedData;
import io.trainscope.api.data.Task;
import io.trainscope.api.plugin.Parameters;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reads the shared real data sets ({@code ../shared/datasets}); skipped where they are absent.
 * The files are read in place, never copied into the repository. How fast they are read is
 * measured by {@code trainscope bench} (data), not asserted here.
 */
class RealIdxDataTest {

    private final IdxSource source = new IdxSource();

    @Test
    void readsTheOfficialMnistTestSet() throws IOException {
        Path mnist = dataset("mnist");

        LoadedData data = load(mnist, "digits");

        assertThat(data.parts()).containsOnlyKeys("t10k");
        Examples t10k = data.parts().get("t10k");
        assertThat(t10k.features().shape()).containsExactly(10_000, 28 * 28);
        assertThat(t10k.targets().shape()).containsExactly(10_000, 1);
        assertThat(t10k.features().minNumber().floatValue()).isEqualTo(0f);
        assertThat(t10k.features().maxNumber().floatValue()).isEqualTo(1f);
        List<Integer> perClass = classCounts(t10k, 10);
        assertThat(perClass).allSatisfy(c -> assertThat(c).isBetween(800, 1200));
        assertThat(perClass.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000);
    }

    @Test
    void readsTheFashionMnistSampleWithBothParts() throws IOException {
        Path fashion = dataset("fashion-mnist-sample");

        LoadedData data = load(fashion, "fashion");

        assertThat(data.parts()).containsOnlyKeys("train", "t10k");
        long total = data.parts().values().stream().mapToLong(Examples::size).sum();
        assertThat(total).isEqualTo(3_615);
        assertThat(data.parts().values()).allSatisfy(e -> assertThat(e.featureCount()).isEqualTo(784));
        assertThat(((Task.Classification) data.task()).classNames()).contains("Ankle boot");
        assertThat(classCounts(data.parts().get("train"), 10)).allSatisfy(c -> assertThat(c).isPositive());
    }

    private LoadedData load(Path dir, String classNames) throws IOException {
        return source.load(Parameters.resolve(source, Map.of("path", dir.toString(), "class-names", classNames)),
                new DataContext(1, dir, dir));
    }

    private static Path dataset(String name) {
        Optional<Path> dir = SharedDatasets.find(name);
        assumeTrue(dir.isPresent(), "shared data set '" + name + "' not found; " + SharedDatasets.HOW_TO);
        return dir.get();
    }

    private static List<Integer> classCounts(Examples examples, int classes) {
        int[] counts = new int[classes];
        for (float label : examples.targets().data().asFloat()) {
            counts[(int) label]++;
        }
        return Arrays.stream(counts).boxed().toList();
    }
}
