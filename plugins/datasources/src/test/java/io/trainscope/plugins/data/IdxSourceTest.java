package io.trainscope.plugins.data;

import io.trainscope.api.data.DataContext;
import io.trainscope.api.data.DataException;
import io.trainscope.api.data.Examples;
import io.trainscope.api.data.ImageShape;
import io.trainscope.api.data.LoadedData;
import io.trainscope.api.data.Task;
import io.trainscope.api.plugin.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdxSourceTest {

    private static final int COUNT = 5;
    private static final int ROWS = 3;
    private static final int COLUMNS = 2;
    private static final int[] LABELS = {3, 1, 4, 1, 5};

    @TempDir
    Path dir;

    private final IdxSource source = new IdxSource();

    @Test
    void loadsRawFilesWithPixelsScaledToTheUnitInterval() throws IOException {
        writeT10k(false);

        LoadedData data = load();

        Examples t10k = data.parts().get("t10k");
        assertThat(data.parts()).containsOnlyKeys("t10k");
        assertThat(t10k.features().shape()).containsExactly(COUNT, ROWS * COLUMNS);
        assertThat(t10k.targets().shape()).containsExactly(COUNT, 1);
        assertThat(t10k.features().dataType().toString()).isEqualTo("FLOAT");
        assertThat(data.image()).as("greyscale images of the header's size").isEqualTo(new ImageShape(1, ROWS, COLUMNS));
        byte[] pixels = IdxBytes.pixels(COUNT * ROWS * COLUMNS);
        for (int i = 0; i < COUNT; i++) {
            for (int j = 0; j < ROWS * COLUMNS; j++) {
                assertThat(t10k.features().getFloat(i, j)).isEqualTo((pixels[i * ROWS * COLUMNS + j] & 0xFF) / 255f);
            }
            assertThat(t10k.targets().getFloat(i, 0)).isEqualTo(LABELS[i]);
        }
    }

    @Test
    void keepsRawByteValuesWhenScalingIsOff() throws IOException {
        writeT10k(false);

        Examples t10k = load(Map.of("scale", false)).parts().get("t10k");

        byte[] pixels = IdxBytes.pixels(COUNT * ROWS * COLUMNS);
        float[] values = t10k.features().data().asFloat();
        for (int i = 0; i < pixels.length; i++) {
            assertThat(values[i]).isEqualTo(pixels[i] & 0xFF);
        }
        assertThat(t10k.features().maxNumber().floatValue()).as("bytes above 127 read as unsigned").isGreaterThan(127f);
    }

    @Test
    void readsGzippedFilesExactlyLikeRawOnes() throws IOException {
        writeT10k(false);
        Examples raw = load().parts().get("t10k");
        Path gzDir = Files.createDirectory(dir.resolve("gz"));
        writeT10k(gzDir, true);

        Examples gz = loadFrom(gzDir).parts().get("t10k");

        assertThat(gz.features()).isEqualTo(raw.features());
        assertThat(gz.targets()).isEqualTo(raw.targets());
    }

    @Test
    void recognisesGzipByItsMagicBytesNotByTheFileName() throws IOException {
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), IdxBytes.gzip(IdxBytes.images(COUNT, ROWS, COLUMNS)));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxBytes.labels(LABELS));

        Examples t10k = load().parts().get("t10k");

        assertThat(t10k.size()).isEqualTo(COUNT);
        assertThat(t10k.targets().getFloat(2, 0)).isEqualTo(LABELS[2]);
    }

    @Test
    void returnsTrainAndT10kPartsInThatOrder() throws IOException {
        writeT10k(true);
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxBytes.gzip(IdxBytes.images(2, ROWS, COLUMNS)));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxBytes.gzip(IdxBytes.labels(7, 9)));

        LoadedData data = load();

        assertThat(new ArrayList<>(data.parts().keySet())).containsExactly("train", "t10k");
        assertThat(data.parts().get("train").size()).isEqualTo(2);
        assertThat(data.parts().get("t10k").size()).isEqualTo(COUNT);
    }

    @Test
    void rejectsPartsWhoseImagesDifferInSizeNamingBothSizes() throws IOException {
        writeT10k(false);
        Files.write(dir.resolve("train-images-idx3-ubyte"), IdxBytes.images(2, COLUMNS, ROWS));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxBytes.labels(7, 9));

        assertThatThrownBy(this::load).isInstanceOf(DataException.class)
                .hasMessageContaining("t10k-images-idx3-ubyte").hasMessageContaining("3x2")
                .hasMessageContaining("2x3").hasMessageContaining("same image size");
    }

    @Test
    void limitKeepsTheFirstExamplesOfEachPart() throws IOException {
        writeT10k(true);
        Examples all = load().parts().get("t10k");

        Examples limited = load(Map.of("limit", 2)).parts().get("t10k");

        assertThat(limited.size()).isEqualTo(2);
        assertThat(limited.features()).isEqualTo(all.features().getRows(0, 1));
        assertThat(limited.targets().getFloat(1, 0)).isEqualTo(LABELS[1]);
        assertThat(load(Map.of("limit", 100)).parts().get("t10k").size()).isEqualTo(COUNT);
    }

    @Test
    void limitStillValidatesTheRestOfTheFile() throws IOException {
        byte[] images = IdxBytes.images(COUNT, ROWS, COLUMNS);
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), IdxBytes.gzip(IdxBytes.head(images, images.length - 1)));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxBytes.labels(LABELS));

        assertThatThrownBy(() -> load(Map.of("limit", 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void namesDigitClassesByDefaultAndFashionClassesOnRequest() throws IOException {
        writeT10k(true);

        Task.Classification digits = (Task.Classification) load().task();
        Task.Classification fashion = (Task.Classification) load(Map.of("class-names", "fashion")).task();

        assertThat(digits.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(fashion.classNames()).hasSize(10).startsWith("T-shirt/top", "Trouser").endsWith("Ankle boot");
    }

    @Test
    void resolvesARelativePathAgainstTheConfigDirectory() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data/mnist"));
        writeT10k(data, true);

        LoadedData loaded = source.load(Parameters.resolve(source, Map.of("path", "data/mnist")),
                new DataContext(1, dir, dir.resolve("cache")));

        assertThat(loaded.parts().get("t10k").size()).isEqualTo(COUNT);
    }

    @Test
    void readsTheUncompressedFileWhenBothItAndItsGzipExist() throws IOException {
        writeT10k(false);
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), new byte[]{1, 2, 3});

        assertThat(load().parts().get("t10k").size()).isEqualTo(COUNT);
    }

    @Test
    void rejectsImagesWithoutLabelsNamingTheMissingFile() throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxBytes.gzip(IdxBytes.images(COUNT, ROWS, COLUMNS)));

        assertThatThrownBy(this::load)
                .isInstanceOf(DataException.class)
                .hasMessageContaining("found train-images-idx3-ubyte.gz but not its labels train-labels-idx1-ubyte");
    }

    @Test
    void rejectsLabelsWithoutImagesNamingTheMissingFile() throws IOException {
        writeT10k(false);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxBytes.labels(LABELS));

        assertThatThrownBy(this::load)
                .isInstanceOf(DataException.class)
                .hasMessageContaining("found train-labels-idx1-ubyte but not its images train-images-idx3-ubyte");
    }

    @Test
    void rejectsAnEmptyDirectoryListingTheExpectedFilesAndWhereToPutThem() {
        assertThatThrownBy(this::load)
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(dir.toString())
                .hasMessageContaining("no IDX data found")
                .hasMessageContaining("train-images-idx3-ubyte + train-labels-idx1-ubyte")
                .hasMessageContaining("t10k-images-idx3-ubyte + t10k-labels-idx1-ubyte")
                .hasMessageContaining("put them in this directory")
                .hasMessageContaining("The directory is empty");
    }

    @Test
    void showsWhatADirectoryWithoutIdxFilesHolds() throws IOException {
        Files.write(dir.resolve("train-images.idx3-ubyte"), new byte[0]);

        assertThatThrownBy(this::load)
                .isInstanceOf(DataException.class)
                .hasMessageContaining("The directory holds train-images.idx3-ubyte.");
    }

    @Test
    void rejectsADirectoryThatDoesNotExist() {
        assertThatThrownBy(() -> loadFrom(dir.resolve("nope")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("nope: no such directory");
    }

    @Test
    void rejectsAPathThatNamesAFile() throws IOException {
        writeT10k(false);

        assertThatThrownBy(() -> loadFrom(dir.resolve("t10k-images-idx3-ubyte")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("not a directory");
    }

    private void writeT10k(boolean gzip) throws IOException {
        writeT10k(dir, gzip);
    }

    private static void writeT10k(Path into, boolean gzip) throws IOException {
        byte[] images = IdxBytes.images(COUNT, ROWS, COLUMNS);
        byte[] labels = IdxBytes.labels(LABELS);
        String suffix = gzip ? ".gz" : "";
        Files.write(into.resolve("t10k-images-idx3-ubyte" + suffix), gzip ? IdxBytes.gzip(images) : images);
        Files.write(into.resolve("t10k-labels-idx1-ubyte" + suffix), gzip ? IdxBytes.gzip(labels) : labels);
    }

    private LoadedData load() throws IOException {
        return loadFrom(dir, Map.of());
    }

    private LoadedData load(Map<String, ?> raw) throws IOException {
        return loadFrom(dir, raw);
    }

    private LoadedData loadFrom(Path path) throws IOException {
        return loadFrom(path, Map.of());
    }

    private LoadedData loadFrom(Path path, Map<String, ?> raw) throws IOException {
        Map<String, Object> withPath = new HashMap<>(raw);
        withPath.put("path", path.toString());
        return source.load(Parameters.resolve(source, withPath), new DataContext(1, dir, dir.resolve("cache")));
    }
}
