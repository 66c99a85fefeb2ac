package io.trainscope.cli;

import io.trainscope.core.TrainscopeException;
import io.trainscope.core.config.PluginRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code trainscope activations}: the page with one chart per activation, the table, and bad input. */
class ActivationsCommandTest {

    private static int charts(Path page) throws IOException {
        Matcher m = Pattern.compile("data-chart=\"act-f\\d+\"").matcher(Files.readString(page));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void withoutNamesDrawsEveryDiscoveredActivationAndPrintsTheirShapes(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("all.html");

        CliRun run = CliRun.of("activations", "--out", page.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(charts(page)).isEqualTo(11);
        assertThat(run.out()).contains("activation", "output on [-5, 5]", "max f'(z)", "saturated (|f'| < 0.01)",
                "monotonic", "zero-centred", "page: " + page);
        assertThat(run.out().lines().filter(l -> l.startsWith("relu ")).findFirst().orElseThrow())
                .contains("[0, 5]", "1 at z = 0.01", "[-5, 0]", "yes", "no");
        assertThat(run.out().lines().filter(l -> l.startsWith("tanh ")).findFirst().orElseThrow())
                .matches("tanh\\s+\\[-0\\.9999, 0\\.9999]\\s+1 at z = 0\\s+\\[-5, -3], \\[3, 5]\\s+yes\\s+yes");
        assertThat(run.out().lines().filter(l -> l.startsWith("swish ")).findFirst().orElseThrow())
                .containsPattern("\\s+no\\s+no$");
    }

    @Test
    void drawsTheNamedActivationsWithTheirParameters(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("two.html");

        CliRun run = CliRun.of("activations", "leaky-relu:negative-slope=0.1", "sigmoid", "-o", page.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(charts(page)).isEqualTo(2);
        assertThat(Files.readString(page)).contains("leaky-relu(negative-slope=0.1)");
        assertThat(run.out().lines().filter(l -> l.startsWith("leaky-relu(negative-slope=0.1) ")).findFirst().orElseThrow())
                .contains("[-0.5, 5]", "none");
        assertThat(run.out().lines().filter(l -> l.startsWith("sigmoid ")).findFirst().orElseThrow())
                .contains("0.25 at z = 0", "[-5, -4.59], [4.59, 5]");
    }

    @Test
    void badNamesAndParametersAreOneLineAndStatusTwo(@TempDir Path dir) {
        Path page = dir.resolve("bad.html");
        Map<String, String> expected = Map.of(
                "rellu", "trainscope: error: rellu: unknown activation 'rellu'; did you mean 'relu'?",
                "leaky-relu:negative-slope=abc", "trainscope: error: leaky-relu.negative-slope: must be ",
                "leaky-relu:slope=0.1", "trainscope: error: leaky-relu.slope: unknown parameter",
                "leaky-relu:negative-slope", "trainscope: error: activation 'leaky-relu:negative-slope': write NAME or "
                        + "NAME:PARAMETER=VALUE",
                "gelu:approximate=tanh,approximate=exact", "trainscope: error: activation "
                        + "'gelu:approximate=tanh,approximate=exact' sets approximate twice");
        expected.forEach((argument, message) -> {
            CliRun run = CliRun.of("activations", "relu", argument, "-o", page.toString());
            assertThat(run.status()).as(argument).isEqualTo(TrainscopeCli.BAD_INPUT);
            assertThat(run.err()).as(argument).startsWith(message).hasLineCount(1);
        });
        assertThat(page).doesNotExist();
    }

    @Test
    void parsesNamesWithParametersIntoPluginReferences() {
        assertThat(ActivationsCommand.parse("prelu:initial-slope=0.1, slopes=per-unit"))
                .isEqualTo(PluginRef.of("prelu", Map.of("initial-slope", "0.1", "slopes", "per-unit")));
        assertThat(ActivationsCommand.parse("relu")).isEqualTo(PluginRef.of("relu"));
        assertThatThrownBy(() -> ActivationsCommand.parse(":x=1")).isInstanceOf(TrainscopeException.class);
    }
}
