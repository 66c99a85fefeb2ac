package io.trainscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(cli("--help").status()).isZero();
        var commands = TrainscopeCli.commandLine().getSubcommands().keySet();
        assertThat(commands).contains("train", "evaluate", "report", "compare", "plugins", "activations", "env", "bench",
                "gradcheck");
        for (String command : commands) {
            CliRun help = cli(command, "--help");
            assertThat(help.status()).as(command + " --help").isZero();
            assertThat(help.out()).as(command + " --help").contains("Usage: trainscope " + command + " ");
            assertThat(cli("--help").out()).as("the main help lists " + command).contains("  " + command + " ");
        }
        assertThat(cli("train", "--help").out()).contains("--resume", "--fail-on");
    }

    @Test
    void aBadConfigIsOneClearLineAndStatusTwo(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "data: {source: iris}\nmodel: {hidden: [4], init: {name: normal, std: 0}}\n");
        CliRun run = cli("train", config.toString(), "-o", dir.toString());
        assertThat(run.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(run.err()).isEqualTo("trainscope: error: model.init.std: must be a number > 0, got 0.0 "
                + "(initializer 'normal')" + System.lineSeparator());
    }

    @Test
    void anUnknownPluginListsTheKnownOnes(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("typo.yaml");
        Files.writeString(config, "data: {source: iris}\nmodel: {activation: rellu}\n");
        CliRun run = cli("train", config.toString());
        assertThat(run.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(run.err()).startsWith("trainscope: error: model.activation: unknown activation 'rellu'; "
                + "did you mean 'relu'?; known activations: ").doesNotContain("\tat ");
    }

    @Test
    void aMissingConfigFileIsBadInput() {
        CliRun run = cli("train", "nowhere.yaml");
        assertThat(run.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(run.err()).contains("config file nowhere.yaml does not exist");
    }

    @Test
    void pluginsListsEveryFamilyWithParameters() {
        CliRun run = cli("plugins");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("initializers (", "he-normal", "fan-mode (one of in, out, default in)",
                "monitors (", "dead-neurons", "data sources (", "idx",
                "metric layer.dead.percent [percent, per layer, layer-bars]");
    }

    @Test
    void failOnTakesAnyCaseAndNamesTheFindingThatTrippedItWhileQuietPrintsNoWarnLine(@TempDir Path dir)
            throws Exception {
        Path config = dir.resolve("vanishing.yaml");
        Files.writeString(config, """
                data: {source: gaussian-classification, samples: 200, features: 20}
                model: {hidden: {layers: 6, units: 20}, activation: sigmoid, init: {name: uniform, low: -0.01, high: 0.01},
                        output: {activation: sigmoid, loss: binary-cross-entropy}}
                training: {epochs: 1, batch-size: 200}
                monitors: [{name: gradient-norms, every: 1}]
                """);
        try (LogCapture logs = LogCapture.start()) {
            CliRun quiet = cli("train", config.toString(), "-o", dir.toString(), "--quiet", "--no-report");
            assertThat(quiet.status()).isZero();
            assertThat(quiet.out()).contains("completed after 1 epochs", "vanishing-gradients", "folder: ");
            assertThat(logs.belowError()).as("log lines of a quiet run").isEmpty();

            CliRun failing = cli("train", config.toString(), "-o", dir.toString(), "--no-report", "--fail-on", "warning");
            assertThat(failing.status()).isEqualTo(TrainscopeCli.FAILED);
            assertThat(failing.err()).matches("trainscope: failing because of --fail-on WARNING: (WARNING|CRITICAL) "
                    + "vanishing-gradients \\(layer \\d\\) in run \\S+ at iteration \\d+(, and \\d+ more findings? at or "
                    + "above WARNING)?\\R");
            assertThat(logs.belowError()).as("the same run without --quiet logs its findings").isNotEmpty();
        }
        assertThat(cli("train", config.toString(), "--fail-on", "sometimes").err()).isEqualTo("trainscope: error: "
                + "Invalid value for option '--fail-on': expected one of [INFO, WARNING, CRITICAL] (case-insensitive) "
                + "but was 'sometimes'; see 'trainscope train --help'" + System.lineSeparator());
    }
}
