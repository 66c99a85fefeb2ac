package io.trainscope.cli.env;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The choice of thread settings, with the training-step probes faked (the real ones run child JVMs). */
class ThreadChoiceTest {

    private static StepResult ok(double samplesPerSecond) {
        return new StepResult(samplesPerSecond, 0.5, 100, null);
    }

    @Test
    void candidateCountsArePowersOfTwoAndEveryCore() {
        assertThat(ThreadSetting.counts(1)).containsExactly(1);
        assertThat(ThreadSetting.counts(2)).containsExactly(1, 2);
        assertThat(ThreadSetting.counts(6)).containsExactly(1, 2, 4, 6);
        assertThat(ThreadSetting.counts(64)).containsExactly(1, 2, 4, 8, 16, 32, 64);
    }

    @Test
    void onManyCoresProbesBlasThreadsThenOpenMpThreadsAndKeepsTheFastest() {
        List<ThreadSetting> probed = new ArrayList<>();
        // BLAS scales up to 16 threads; OpenMP helps up to 4 and then hurts
        ThreadChoice.Decision d = ThreadChoice.choose(64, t -> {
            probed.add(t);
            double blas = 1000.0 * Math.min(t.blas(), 16);
            return ok(blas * (t.omp() <= 4 ? 1 + 0.1 * t.omp() : 0.5));
        });
        assertThat(d.chosen()).contains(new ThreadSetting(4, 16));
        assertThat(probed).hasSize(13).startsWith(new ThreadSetting(1, 1), new ThreadSetting(1, 2));
        assertThat(probed.subList(7, 13)).allMatch(t -> t.blas() == 16);
        assertThat(d.reason()).contains("13 settings probed", "22400 samples/s");
    }

    @Test
    void aProbeWhoseResultDiffersFromOneThreadIsRejectedHoweverFast() {
        ThreadChoice.Decision d = ThreadChoice.choose(2, t -> t.blas() == 2
                ? new StepResult(99_000, 0.7, 100, null) : ok(t.omp() == 2 ? 7000 : 5000));
        assertThat(d.chosen()).contains(new ThreadSetting(2, 1));
        assertThat(d.reason()).contains("1 rejected", "BLAS threads=2: result differs from one thread");
    }

    @Test
    void aResultWithinSummationNoiseOfTheReferenceCounts() {
        ThreadChoice.Decision d = ThreadChoice.choose(2, t -> t.blas() == 2
                ? new StepResult(9000, 0.5 * (1 + 1e-5), 100 * (1 - 1e-5), null) : ok(5000));
        assertThat(d.chosen()).contains(new ThreadSetting(1, 2));
    }

    @Test
    void speedsWithinNoiseOfTheFastestTieAndTheFewestThreadsWin() {
        Map<Integer, Double> byTotal = Map.of(2, 10_000.0, 3, 10_300.0, 4, 10_400.0);
        ThreadChoice.Decision d = ThreadChoice.choose(2, t -> ok(byTotal.get(t.total())));
        assertThat(d.chosen()).contains(new ThreadSetting(1, 1));
        ThreadChoice.Decision clear = ThreadChoice.choose(2, t -> ok(t.omp() == 2 ? 12_000 : 10_000));
        assertThat(clear.chosen()).contains(new ThreadSetting(2, 1));
    }

    @Test
    void aCrashingProbeIsSkippedAndACrashingReferenceKeepsTheDefaults() {
        ThreadChoice.Decision d = ThreadChoice.choose(4, t -> t.omp() == 4
                ? StepResult.failed("exit 139, no result") : ok(1000.0 * t.total()));
        assertThat(d.chosen()).contains(new ThreadSetting(2, 4));
        assertThat(d.reason()).contains("OMP_NUM_THREADS=4, BLAS threads=4: exit 139");
        ThreadChoice.Decision none = ThreadChoice.choose(4, t -> StepResult.failed("timed out after 300 s"));
        assertThat(none.chosen()).isEmpty();
        assertThat(none.probes()).hasSize(1);
        assertThat(none.reason()).contains("failed with one thread", "timed out");
    }

    @Test
    void blasThreadsAreReadOnlyFromAPositiveNumber() {
        assertThat(BlasThreads.requested(Map.of())).isZero();
        assertThat(BlasThreads.requested(Map.of(BlasThreads.VARIABLE, "2"))).isEqualTo(2);
        assertThat(BlasThreads.requested(Map.of(BlasThreads.VARIABLE, "two"))).isZero();
        assertThat(BlasThreads.requested(Map.of(BlasThreads.VARIABLE, "0"))).isZero();
    }
}
