package io.trainscope.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code trainscope example}, with the test-only catalogue of {@code src/test/resources}. */
class ExampleCommandTest {

    @Test
    void listsTheExamplesWithoutAName() {
        CliRun run = CliRun.of("example");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("echo-args").contains("prints its arguments");
    }

    @Test
    void anUnknownNameSuggestsTheClosestAndListsThem() {
        CliRun run = CliRun.of("example", "echo-arg");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("trainscope: error: unknown example 'echo-arg'; did you mean 'echo-args'?; "
                + "examples: ").contains("echo-args").hasLineCount(1);
    }

    @Test
    void runsTheExampleWithEverythingAfterItsNameIncludingOptions() {
        PrintStream before = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CliRun run = CliRun.of("example", "echo-args", "--seeds", "3", "x");
            assertThat(run.status()).isZero();
        } finally {
            System.setOut(before);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("echo: --seeds 3 x");
    }

    @Test
    void anExamplesBadArgumentIsOneLineWithStatusTwo() {
        CliRun run = CliRun.of("example", "echo-args", "--bad");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("trainscope: error: example echo-args: --bad is not an argument of this example");
    }
}
