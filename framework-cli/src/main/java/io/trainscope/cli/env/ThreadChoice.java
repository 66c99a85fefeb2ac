package io.trainscope.cli.env;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the thread setting from training-step probes: first the BLAS threads with one OpenMP
 * thread (1, 2, 4, ... and every core), then the OpenMP threads with the best BLAS count, so the
 * number of probes grows with the logarithm of the core count. A probe counts only if it ran and
 * its result matches the one-thread reference ({@link StepResult#matches}); among those, the
 * setting with the fewest threads within {@link #NOISE} of the fastest wins (a tie is noise, and
 * fewer threads leave cores to the rest of the machine).
 */
public final class ThreadChoice {

    /** Speeds within this share of the fastest count as a tie. */
    static final double NOISE = 0.05;

    /** Measures a training step of the reference network with a thread setting (a child JVM, or a fake in tests). */
    @FunctionalInterface
    public interface StepProber {
        StepResult probe(ThreadSetting setting);
    }

    /** One probed setting and its outcome, for the reason line. */
    public record Probed(ThreadSetting setting, StepResult result, boolean valid) {
    }

    /**
     * The outcome: the chosen setting (empty when even the one-thread reference probe failed) and
     * every probe, in order.
     */
    public record Decision(Optional<ThreadSetting> chosen, double samplesPerSecond, double referenceSamplesPerSecond,
                           List<Probed> probes) {

        /** One line: what was chosen, how fast against one thread each, and what was rejected. */
        public String reason() {
            long rejected = probes.stream().filter(p -> !p.valid()).count();
            String rej = rejected == 0 ? "" : String.format(Locale.ROOT, "; %d rejected (%s)", rejected,
                    String.join(", ", probes.stream().filter(p -> !p.valid())
                            .map(p -> p.setting() + ": " + p.result().problem()).toList()));
            if (chosen.isEmpty()) {
                return "the training-step probe failed with one thread" + rej;
            }
            return String.format(Locale.ROOT, "fastest verified training step of %d settings probed: %.0f samples/s "
                    + "(%.0f with one thread each)%s", probes.size(), samplesPerSecond, referenceSamplesPerSecond, rej);
        }
    }

    private ThreadChoice() {
    }

    /** Probes the candidate settings for {@code cores} cores and chooses one. */
    public static Decision choose(int cores, StepProber prober) {
        List<Integer> counts = ThreadSetting.counts(cores);
        List<Probed> probes = new ArrayList<>();
        ThreadSetting one = new ThreadSetting(1, 1);
        StepResult reference = prober.probe(one);
        if (!reference.ran()) {
            probes.add(new Probed(one, reference, false));
            return new Decision(Optional.empty(), Double.NaN, Double.NaN, probes);
        }
        probes.add(new Probed(one, reference, true));
        for (int blas : counts.subList(1, counts.size())) {
            probe(new ThreadSetting(1, blas), prober, reference, probes);
        }
        int bestBlas = best(probes).blas();
        for (int omp : counts.subList(1, counts.size())) {
            probe(new ThreadSetting(omp, bestBlas), prober, reference, probes);
        }
        ThreadSetting chosen = best(probes);
        double rate = probes.stream().filter(p -> p.setting().equals(chosen)).findFirst().orElseThrow()
                .result().samplesPerSecond();
        return new Decision(Optional.of(chosen), rate, reference.samplesPerSecond(), probes);
    }

    private static void probe(ThreadSetting s, StepProber prober, StepResult reference, List<Probed> probes) {
        StepResult r = prober.probe(s);
        probes.add(new Probed(s, r, r.ran() && r.matches(reference)));
    }

    /** The valid setting with the fewest threads whose speed is within {@link #NOISE} of the fastest. */
    static ThreadSetting best(List<Probed> probes) {
        double fastest = probes.stream().filter(Probed::valid).mapToDouble(p -> p.result().samplesPerSecond())
                .max().orElseThrow();
        return probes.stream().filter(Probed::valid)
                .filter(p -> p.result().samplesPerSecond() >= (1 - NOISE) * fastest)
                .map(Probed::setting)
                .min(Comparator.comparingInt(ThreadSetting::total).thenComparingInt(ThreadSetting::omp))
                .orElseThrow();
    }
}
