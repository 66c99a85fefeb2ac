package io.trainscope.core.config;

import io.trainscope.core.TestTrainscope;
import io.trainscope.core.TrainscopeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Config text that YAML would accept silently, or that would take long to parse, is refused with
 * one line naming the field or the file: the size limit, duplicate keys, tags, anchors and
 * aliases, nesting, numbers that are not finite, text that is not UTF-8.
 */
class BadConfigTextTest {

    private static final String MINIMAL = "data: {source: iris}\nmodel: {hidden: [4]}\n";

    @TempDir
    Path dir;

    @Test
    void rejectsAKeyGivenTwiceNamingBothLines() {
        assertThatThrownBy(() -> TestTrainscope.parse("""
                data: {source: iris}
                model: {hidden: [4]}
                training: {epochs: 2}
                model: {hidden: [8]}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("model: given twice, on lines 2 and 4; a key may appear once in a map "
                        + "(YAML would silently keep the last): remove or merge one");
    }

    @Test
    void rejectsANestedKeyGivenTwice() {
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + """
                training:
                  optimizer:
                    name: sgd
                    learning-rate: 0.1
                    learning-rate: 0.01
                """))
                .hasMessage("training.optimizer.learning-rate: given twice, on lines 6 and 7; a key may appear once "
                        + "in a map (YAML would silently keep the last): remove or merge one");
    }

    @Test
    void rejectsAKeyGivenTwiceOnOneLine() {
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + "monitors: [{name: dead-neurons, name: non-finite}]\n"))
                .hasMessage("monitors[0].name: given twice on line 3; a key may appear once in a map "
                        + "(YAML would silently keep the last): remove or merge one");
    }

    @ParameterizedTest
    @ValueSource(ints = {5_000_000, 50_000_000})
    void refusesAnOversizedFileBeforeReadingIt(int size) throws Exception {
        Path file = dir.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);   // sparse: nothing is written, and nothing needs to be read
        }
        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + " is " + size + " bytes, more than the 262144 bytes (256 KiB) a config may have; "
                        + "is it the right file?");
    }

    @Test
    void refusesAnEndlessStreamAfterReadingOnlyTheLimit() {
        Path endless = Path.of("/dev/zero");
        assumeTrue(Files.exists(endless), "needs /dev/zero");
        assertThatThrownBy(() -> new ConfigLoader().load(endless))
                .hasMessage("/dev/zero holds more than the 262144 bytes (256 KiB) a config may have; is it the right file?");
    }

    @Test
    void refusesOversizedConfigTextBeforeParsingIt() {
        String text = MINIMAL + "name: " + "x".repeat(ConfigLimits.MAX_BYTES) + "\n";
        assertThatThrownBy(() -> TestTrainscope.parse(text))
                .hasMessage("test config is " + text.length() + " characters long, more than the 262144 a config may "
                        + "have; is it the right text?");
    }

    @Test
    void acceptsAConfigJustUnderTheLimit() throws Exception {
        Path file = dir.resolve("long-name.yaml");
        String text = MINIMAL + "# " + "x".repeat(ConfigLimits.MAX_BYTES - MINIMAL.length() - 3) + "\n";
        Files.writeString(file, text);
        assertThat(Files.size(file)).isEqualTo(ConfigLimits.MAX_BYTES);
        assertThat(new ConfigLoader().load(file).model().hidden()).containsExactly(4);
    }

    @Test
    void saysWhereTheFirstByteThatIsNotUtf8Is() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        byte[] text = (MINIMAL + "name: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, text);
        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + " is not UTF-8 text: the byte 0xE9 at offset " + (MINIMAL.length() + 9)
                        + " (line 3) is not valid UTF-8; save the file as UTF-8");
    }

    @Test
    void recognisesUtf16Text() throws Exception {
        Path file = dir.resolve("utf16.yaml");
        Files.write(file, ("\uFEFF" + MINIMAL).getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .hasMessage(file + " is not UTF-8 text: it starts with a UTF-16 byte-order mark; save it as UTF-8");
    }

    @Test
    void acceptsUtf8WithAByteOrderMark() throws Exception {
        Path file = dir.resolve("bom.yaml");
        Files.write(file, ("\uFEFF" + MINIMAL + "name: caf\u00e9\n").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .as("the name is read (and refused for its letter), so the text was decoded")
                .hasMessage("name: must be letters, digits, '.', '_' or '-' (it names the run folder), got 'caf\u00e9'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "model: !!java.util.HashMap {hidden: [4]}|model: line 2: the YAML tag '!!java.util.HashMap'",
            "model: {hidden: [4], activation: !foo relu}|model.activation: line 2: the YAML tag '!foo'",
            "model: {hidden: [4], activation: !!str relu}|model.activation: line 2: the YAML tag '!!str'",
            "model: {hidden: !!seq [4]}|model.hidden: line 2: the YAML tag '!!seq'",
            "!!python/object:os.system model: {hidden: [4]}|test config: line 2: the YAML tag '!!python/object:os.system'",
    })
    void refusesEveryExplicitTagNamingTheLine(String line, String expected) {
        assertThatThrownBy(() -> TestTrainscope.parse("data: {source: iris}\n" + line + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(expected + " is not allowed in a config (a config holds plain values and nothing is "
                        + "created from it); remove the tag");
    }

    @Test
    void refusesATagOnTheWholeDocument() {
        assertThatThrownBy(() -> TestTrainscope.parse("--- !!java.util.HashMap\n" + MINIMAL))
                .hasMessage("test config: line 1: the YAML tag '!!java.util.HashMap' is not allowed in a config "
                        + "(a config holds plain values and nothing is created from it); remove the tag");
    }

    @Test
    void refusesAnchorsSoThatNoAliasIsEverExpanded() {
        String laughs = """
                a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
                """;
        assertThatThrownBy(() -> TestTrainscope.parse(laughs))
                .hasMessage("a: line 1: the YAML anchor '&a' is not allowed in a config (aliases are never expanded); "
                        + "remove it and write values out in full");
    }

    @Test
    void refusesAnAliasInsteadOfReadingItAsText() {
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + "training: {optimizer: *fast}\n"))
                .hasMessage("training.optimizer: line 3: the YAML alias '*fast' is not allowed in a config "
                        + "(aliases are never expanded); write the value out in full");
    }

    @Test
    void refusesDeepNesting() {
        String deep = "[".repeat(30) + "]".repeat(30);
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + "x: " + deep + "\n"))
                .hasMessage("x" + "[0]".repeat(19) + ": maps and lists are nested more than 20 deep (line 3); "
                        + "a config needs at most five levels");
    }

    @Test
    void refusesASecondDocument() {
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + "---\nmodel: {hidden: [8]}\n"))
                .hasMessage("test config holds a second YAML document (from line 4); a config is one document: "
                        + "remove the '---' and what follows, or merge the two");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1e400|must be a finite number, got 1e400, outside the range of a double (about -1.8e308 to 1.8e308)",
            "-1.0e+400|must be a finite number, got -1.0e+400, outside the range of a double (about -1.8e308 to 1.8e308)",
            ".nan|must be a finite number, got .nan",
            ".NaN|must be a finite number, got .NaN",
            ".inf|must be a finite number, got .inf",
            "-.inf|must be a finite number, got -.inf",
            "1e-400|got 1e-400, too small to tell from 0 (the smallest positive double is about 4.9e-324); "
                    + "write 0 if 0 is meant",
            "1:30.5|got 1:30.5, which is not a decimal number; write it like 0.5 or 1e-3",
    })
    void refusesNumbersThatAreNotFiniteNamingTheField(String number, String expected) {
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL
                + "training: {optimizer: {name: sgd, learning-rate: " + number + "}}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("training.optimizer.learning-rate: " + expected);
    }

    @Test
    void refusesAnInfinitePluginParameter() {
        assertThatThrownBy(() -> TestTrainscope.parse("data: {source: iris}\nmodel: {init: {name: normal, std: 1e999}}\n"))
                .hasMessage("model.init.std: must be a finite number, got 1e999, outside the range of a double "
                        + "(about -1.8e308 to 1.8e308)");
    }

    @Test
    void namesTheRangeOfAnIntegerFieldThatOverflows() {
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + "training: {epochs: 3000000000}\n"))
                .hasMessage("training.epochs: must be an integer from 1 to 2147483647, got 3000000000");
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + "training: {seed: 99999999999999999999}\n"))
                .hasMessage("training.seed: must be an integer from -9223372036854775808 to 9223372036854775807, "
                        + "got 99999999999999999999");
    }

    @Test
    void refusesAnIntegerThatYamlWouldReadAsOctal() {
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + "training: {epochs: 010}\n"))
                .hasMessage("training.epochs: got 010, which YAML reads as the octal number 8 because of the leading 0; "
                        + "write the number without it");
    }

    @Test
    void refusesAnAbsurdlyLongNumber() {
        String digits = "1".repeat(60);
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + "training: {seed: " + digits + "}\n"))
                .hasMessage("training.seed: got a number of 60 characters (111111111111...); numbers may have at most 40");
    }

    @Test
    void everyRefusalIsAUserErrorTheCommandLineReportsWithExitStatusTwo() {
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + "model: {}\n")).isInstanceOf(TrainscopeException.class);
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + "x: !foo 1\n")).isInstanceOf(TrainscopeException.class);
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + "x: .nan\n")).isInstanceOf(TrainscopeException.class);
    }

    @Test
    void readsHexadecimalAndUnderscoredNumbersAsYamlDefinesThem() {
        ExperimentSpec spec = TestTrainscope.parse(MINIMAL + "training: {epochs: 0x10, batch-size: 1_024}\n");
        assertThat(spec.training().epochs()).isEqualTo(16);
        assertThat(spec.training().batchSize()).isEqualTo(1024);
    }
}
