package io.trainscope.cli.badinput;

import io.trainscope.cli.CliRun;
import io.trainscope.cli.LogCapture;
import io.trainscope.cli.TrainscopeCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The bad-input table ({@link BadInputs}): every case, run in this JVM through the picocli entry
 * point as {@code trainscope ARGS}, exits with status 2 and prints exactly one line on standard
 * error, {@code trainscope: error: ...}, that contains the case's expected texts in order (the
 * field or file and what is expected); nothing mentions an exception or a stack frame, and
 * nothing is logged at WARN or above (the launcher would print it on standard error too).
 */
class BadInputTableTest {

    @TempDir
    static Path root;
    private static Path run;

    @BeforeAll
    static void trainOneTinyRun() throws IOException {
        Path config = Files.writeString(root.resolve("tiny.yaml"), Workspace.iris("{hidden: [4]}",
                "{epochs: 2, batch-size: 50}").replace("data: iris", "data: {source: iris, split: "
                + "{train: 0.6, validation: 0.2, test: 0.2}}"));
        CliRun trained = CliRun.of("train", config.toString(), "-o", root.resolve("runs").toString(), "-q", "--no-report");
        assertThat(trained.status()).as(trained.err()).isZero();
        try (Stream<Path> runs = Files.list(root.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
    }

    @Test
    void theTableHasAtLeastFortyCasesCoveringEveryCommand() {
        assertThat(BadInputs.all()).hasSizeGreaterThanOrEqualTo(40).extracting(BadInput::command)
                .contains("train", "evaluate", "report", "compare", "bench", "resume", "diagnose", "plugins",
                        "activations", "gradcheck");
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputIsStatusTwoAndOneLineNamingWhatIsExpected() {
        List<BadInput> cases = BadInputs.all();
        return cases.stream().map(c -> dynamicTest(c.toString(), () -> check(c, cases.indexOf(c))));
    }

    private static void check(BadInput c, int index) throws IOException {
        Workspace w = new Workspace(Files.createDirectories(root.resolve("case-" + index)), run);
        List<String> args = c.setup().args(w);
        CliRun result;
        List<String> logged;
        try (LogCapture logs = LogCapture.start()) {
            result = CliRun.of(args.toArray(String[]::new));
            logged = logs.atWarnOrAbove();
        }
        String err = result.err();
        System.out.println("bad input: " + c + " -> " + err.strip());
        assertThat(result.status()).as("exit status of %s; stderr: %s", args, err).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(err.lines().toList()).as("stderr of %s", args).hasSize(1)
                .first().asString().startsWith("trainscope: error: ").containsSubsequence(c.expected());
        assertThat(err + result.out()).doesNotContain("Exception", "at io.", "\tat ");
        assertThat(logged).as("log lines of %s", args).isEmpty();
    }
}
