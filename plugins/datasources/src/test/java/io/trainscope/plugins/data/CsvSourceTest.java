package io.trainscope.plugins.data;

import io.trainscope.api.data.DataContext;
import io.trainscope.api.data.DataException;
import io.trainscope.api.data.Examples;
import io.trainscope.api.data.LoadedData;
import io.trainscope.api.data.Task;
import io.trainscope.api.plugin.ParameterException;
import io.trainscope.api.plugin.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvSourceTest {

    @TempDir
    Path dir;

    private final CsvSource source = new CsvSource();

    @Test
    void readsClassificationDataWithTheLastColumnAsLabel() throws IOException {
        Path file = write("data.csv", """
                a,b,kind
                1,2.5,cat
                -3,4e-1,dog
                5,6,cat
                """);

        LoadedData data = load(file);

        Examples all = data.parts().get(LoadedData.ALL);
        assertThat(((Task.Classification) data.task()).classNames()).containsExactly("cat", "dog");
        assertThat(all.features().toFloatMatrix()).isEqualTo(new float[][]{{1, 2.5f}, {-3, 0.4f}, {5, 6}});
        assertThat(all.targets().toFloatMatrix()).isEqualTo(new float[][]{{0}, {1}, {0}});
    }

    @Test
    void sortsNumericClassNamesByValue() throws IOException {
        Path file = write("data.csv", "x,y\n1,10\n2,9\n3,2\n4,10\n");

        LoadedData data = load(file);

        assertThat(((Task.Classification) data.task()).classNames()).containsExactly("2", "9", "10");
        assertThat(data.parts().get(LoadedData.ALL).targets().toFloatVector()).containsExactly(2, 1, 0, 2);
    }

    @Test
    void readsRegressionTargetsFromANamedColumn() throws IOException {
        Path file = write("data.csv", "price,x1,x2\n10.5,1,2\n-2,3,4\n");

        LoadedData data = load(file, Map.of("label-column", "price", "task", "regression"));

        Examples all = data.parts().get(LoadedData.ALL);
        assertThat(data.task()).isEqualTo(new Task.Regression(1));
        assertThat(all.features().toFloatMatrix()).isEqualTo(new float[][]{{1, 2}, {3, 4}});
        assertThat(all.targets().toFloatMatrix()).isEqualTo(new float[][]{{10.5f}, {-2}});
    }

    @Test
    void readsQuotedFieldsWithDelimitersQuotesAndLineBreaks() throws IOException {
        Path file = write("data.csv", "\"x\",\"y\",label\r\n"
                + "\"1\", 2 ,\"a, \"\"quoted\"\" label\"\r\n"
                + "3,\"4\",\"two\nlines\"\r\n"
                + "\n"
                + "5,6,plain\r\n");

        LoadedData data = load(file);

        assertThat(((Task.Classification) data.task()).classNames())
                .containsExactly("a, \"quoted\" label", "plain", "two\nlines");
        assertThat(data.parts().get(LoadedData.ALL).features().toFloatMatrix())
                .isEqualTo(new float[][]{{1, 2}, {3, 4}, {5, 6}});
    }

    @Test
    void readsOtherDelimitersAndGzippedFiles() throws IOException {
        Path file = dir.resolve("data.tsv.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("x\ty\n1\ta\n2\tb\n".getBytes(StandardCharsets.UTF_8));
        }

        LoadedData data = load(file, Map.of("delimiter", "\\t"));

        assertThat(data.parts().get(LoadedData.ALL).features().toFloatVector()).containsExactly(1, 2);
    }

    @Test
    void rejectsATruncatedGzippedFileNamingIt() throws IOException {
        StringBuilder text = new StringBuilder("x,label\n");
        for (int i = 0; i < 20_000; i++) {
            text.append(i * 7919 % 10007).append(',').append(i % 3).append('\n');
        }
        byte[] gz = IdxBytes.gzip(text.toString().getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("data.csv.gz"), IdxBytes.head(gz, gz.length / 2));

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ": truncated: the gzip stream is cut off after ");
    }

    @Test
    void rejectsABadNumberNamingLineColumnAndValue() throws IOException {
        Path file = write("data.csv", "width,height,label\n1,2,a\n3,4,b\n5,abc,a\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ": line 4, column 'height' (column 2): 'abc' is not a number");
    }

    @Test
    void rejectsAnEmptyFeatureValue() throws IOException {
        Path file = write("data.csv", "width,height,label\n1,,a\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("line 2, column 'height' (column 2): the value is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "-inf", "Infinity", "+INF", ".inf", "1.#INF", "#DIV/0!"})
    void rejectsNotANumberAndInfinityNamingLineAndColumn(String value) throws IOException {
        Path file = write("data.csv", "w,label\n1,a\n" + value + ",b\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ": line 3, column 'w' (column 1): '" + value + "' is not a finite number; every "
                        + "value must be a finite decimal number (missing or infinite values are not supported)");
    }

    @Test
    void rejectsANonFiniteRegressionTarget() throws IOException {
        Path file = write("prices.csv", "size,price\n3,100\n4,NaN\n");

        assertThatThrownBy(() -> load(file, Map.of("task", "regression")))
                .hasMessage(file + ": line 3, column 'price' (column 2): 'NaN' is not a finite number; every value must "
                        + "be a finite decimal number (missing or infinite values are not supported)");
    }

    @Test
    void rejectsNumbersBeyondFloat32() throws IOException {
        Path huge = write("huge.csv", "w,label\n1e39,a\n");

        assertThatThrownBy(() -> load(huge)).hasMessage(huge + ": line 2, column 'w' (column 1): '1e39' is outside the "
                + "float32 range (about -3.4e38 to 3.4e38)");
    }

    @Test
    void rejectsAMissingLabelColumnSuggestingTheClosestName() throws IOException {
        Path file = write("data.csv", "sepal_length,sepal_width,species\n1,2,a\n");

        assertThatThrownBy(() -> load(file, Map.of("label-column", "specis")))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ": no column 'specis' for label-column; the header has 'sepal_length', "
                        + "'sepal_width', 'species'. Did you mean 'species'?");
    }

    @Test
    void listsColumnsWithoutASuggestionWhenNothingIsClose() throws IOException {
        Path file = write("data.csv", "a,b\n1,2\n");

        assertThatThrownBy(() -> load(file, Map.of("label-column", "temperature")))
                .hasMessageEndingWith("the header has 'a', 'b'.");
    }

    @Test
    void rejectsARaggedRow() throws IOException {
        Path file = write("data.csv", "a,b,label\n1,2,x\n3,4,5,y\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ": line 3 has 4 fields but the header has 3 columns "
                        + "(a value containing the delimiter must be quoted)");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path file = write("data.csv", "");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ": the file is empty; expected a header row with the column names, "
                        + "then one row per example");
    }

    @Test
    void rejectsAHeaderWithoutRows() throws IOException {
        Path file = write("data.csv", "a,label\n\n");

        assertThatThrownBy(() -> load(file)).hasMessage(file + ": the file has a header but no data rows");
    }

    @Test
    void rejectsAnUnclosedQuoteNamingTheLineItOpensOn() throws IOException {
        Path file = write("data.csv", "a,label\n1,x\n2,\"y\n3,z\n");

        assertThatThrownBy(() -> load(file))
                .hasMessage(file + ": line 3: a quoted field is never closed (a \" opens it but no \" ends it)");
    }

    @Test
    void rejectsTextAfterAClosingQuote() throws IOException {
        Path file = write("data.csv", "a,label\n\"1\"2,x\n");

        assertThatThrownBy(() -> load(file)).hasMessageContaining("line 2: unexpected '2' after the closing quote");
    }

    @Test
    void rejectsASingleClassLabelColumn() throws IOException {
        Path file = write("data.csv", "a,label\n1,x\n2,x\n");

        assertThatThrownBy(() -> load(file))
                .hasMessageContaining("the label column 'label' has only the value 'x'; classification needs at least two classes");
    }

    @Test
    void rejectsAMissingFile() {
        Path file = dir.resolve("missing.csv");

        assertThatThrownBy(() -> load(file)).isInstanceOf(DataException.class).hasMessage(file + ": no such CSV file");
    }

    @Test
    void rejectsFilesThatAreNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "a,label\n1,caf\u00e9\n2,x\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> load(file)).isInstanceOf(DataException.class).hasMessageContaining("not UTF-8 text");
    }

    @Test
    void rejectsADelimiterLongerThanOneCharacter() {
        assertThatThrownBy(() -> Parameters.resolve(source, Map.of("path", "x.csv", "delimiter", ";;")))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("must be exactly one character");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private LoadedData load(Path file) throws IOException {
        return load(file, Map.of());
    }

    private LoadedData load(Path file, Map<String, ?> raw) throws IOException {
        Map<String, Object> withPath = new HashMap<>(raw);
        withPath.put("path", file.toString());
        return source.load(Parameters.resolve(source, withPath), new DataContext(1, dir, dir));
    }
}
