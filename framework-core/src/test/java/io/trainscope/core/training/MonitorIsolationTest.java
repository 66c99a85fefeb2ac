package io.trainscope.core.training;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.TrainingEndContext.Outcome;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.testplugins.CountingMonitor;
import io.trainscope.core.testplugins.ThrowingMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monitor that throws, from any hook, is isolated: reported once as a {@code monitor-failure}
 * finding naming the hook, disabled for the rest of the run, and the run and the other monitors go
 * on ({@code training.on-monitor-error: disable}); with {@code fail} the run stops as failed.
 */
class MonitorIsolationTest {

    /** 40 examples in batches of 10: 4 iterations per epoch, 2 epochs. */
    private static final String CONFIG = """
            data: {source: test-positive, samples: 40, features: 3}
            model: {hidden: [4]}
            training: {epochs: 2, batch-size: 10, on-monitor-error: POLICY}
            monitors: [{name: test-throwing, hook: HOOK}, {name: test-counting, every: 1}]
            """;

    static List<String> hooks() {
        return ThrowingMonitor.HOOKS;
    }

    private static TrainingResult train(String hook, String policy) {
        ThrowingMonitor.calls = 0;
        return TestTrainscope.get().trainer().train(TestTrainscope.resolve(CONFIG.replace("HOOK", hook)
                .replace("POLICY", policy)), RunOptions.inMemory(new InMemoryMeasurements()));
    }

    private static Finding failure(TrainingResult run) {
        List<Finding> failures = run.findings().stream().filter(f -> f.pathology().equals(Pathology.MONITOR_FAILURE))
                .toList();
        assertThat(failures).as("reported once").hasSize(1);
        return failures.get(0);
    }

    @ParameterizedTest
    @MethodSource("hooks")
    void aMonitorThrowingFromAnyHookIsReportedOnceDisabledAndTrainingGoesOn(String hook) {
        TrainingResult run = train(hook, "disable");

        assertThat(run.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(run.failed()).isFalse();
        assertThat(run.iterations()).isEqualTo(8);
        assertThat(ThrowingMonitor.calls).as("disabled after its first throw").isEqualTo(1);
        Finding f = failure(run);
        assertThat(f.monitor()).isEqualTo("test-throwing");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.summary()).isEqualTo("The monitor 'test-throwing' threw IllegalStateException in " + hook
                + " and was disabled; its measurements stop here.");
        assertThat(f.evidence().get(0)).startsWith("boom in " + hook);
        assertThat(f.evidence().get(1)).startsWith("hook " + hook + " at iteration ");
        assertThat(CountingMonitor.LAST.updateIterations).as("the other monitor saw every iteration")
                .containsExactlyElementsOf(LongStream.range(0, 8).boxed().toList());
    }

    @ParameterizedTest
    @MethodSource("hooks")
    void withOnMonitorErrorFailAThrowingMonitorFailsTheRunNamingItsHook(String hook) {
        TrainingResult run = train(hook, "fail");

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.failed()).isTrue();
        assertThat(run.reason()).startsWith("test-throwing: threw IllegalStateException in " + hook + " at iteration ")
                .endsWith("(training.on-monitor-error: fail)");
        assertThat(failure(run).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(ThrowingMonitor.calls).isEqualTo(1);
    }
}
