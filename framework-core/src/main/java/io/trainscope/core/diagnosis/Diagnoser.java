package io.trainscope.core.diagnosis;

import jakarta.inject.Inject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Diagnoses an experiment: probes it ({@link Probe}), applies every rule ({@link Rules}) to the
 * readings, and ranks what they found ({@link Ranking}). The entry point for embedding:
 *
 * <pre>{@code
 * Diagnoser diagnoser = Trainscope.create().get(Diagnoser.class);
 * DiagnosisReport report = diagnoser.diagnose(ConfigSource.load(Path.of("my.yaml")), Probe.DEFAULT_ITERATIONS, null);
 * }</pre>
 */
public final class Diagnoser {

    private final Probe probe;
    private final List<Rule> rules;

    @Inject
    public Diagnoser(Probe probe) {
        this(probe, Rules.standard());
    }

    /** A diagnoser with other rules. */
    public Diagnoser(Probe probe, List<Rule> rules) {
        this.probe = probe;
        this.rules = List.copyOf(rules);
    }

    /** Probes the config and diagnoses it. */
    public Examination diagnose(ConfigSource source, int iterations, Path cache) {
        ProbeResult result = probe.run(source, iterations, cache);
        return new Examination(result, diagnose(result));
    }

    /** Diagnoses a probe already run. */
    public DiagnosisReport diagnose(ProbeResult result) {
        Readings readings = new Readings(result);
        List<Diagnosis> found = new ArrayList<>();
        for (Rule rule : rules) {
            rule.examine(readings).ifPresent(found::add);
        }
        return new Ranking().rank(result.source().origin(), found, result.findings(), Vitals.of(readings));
    }

    /**
     * A probe and its diagnosis.
     *
     * @param probe  what the probe saw
     * @param report the diagnosis
     */
    public record Examination(ProbeResult probe, DiagnosisReport report) {
    }
}
