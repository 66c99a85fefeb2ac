package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A diagnosis in plain words: what is wrong, where, the evidence, and the prescription.
 *
 * @param monitor      the name of the monitor that found it
 * @param pathology    the kind of problem
 * @param severity     how bad it is
 * @param layer        the layer concerned, or null for the whole network
 * @param iteration    the iteration it was found at
 * @param epoch        the epoch it was found at
 * @param summary      one sentence saying what is wrong
 * @param evidence     the numbers behind it, one line each
 * @param prescription what to change, in words a user can act on
 */
@StableApi(since = "0.1")
public record Finding(String monitor, Pathology pathology, Severity severity, Integer layer, long iteration,
                      int epoch, String summary, List<String> evidence, String prescription) {

    public Finding {
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(pathology, "pathology");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
        prescription = prescription == null ? "" : prescription;
    }

    /** Builds a finding; obtained from {@link MonitorContext#finding}, emitted with {@link #report()}. */
    public static final class Builder {
        private final String monitor;
        private final Pathology pathology;
        private final Severity severity;
        private final long iteration;
        private final int epoch;
        private final java.util.function.Consumer<Finding> sink;
        private Integer layer;
        private String summary;
        private final List<String> evidence = new ArrayList<>();
        private String prescription = "";

        /**
         * @param sink where {@link #report()} sends the finding
         */
        public Builder(String monitor, Pathology pathology, Severity severity, long iteration, int epoch,
                       java.util.function.Consumer<Finding> sink) {
            this.monitor = monitor;
            this.pathology = pathology;
            this.severity = severity;
            this.iteration = iteration;
            this.epoch = epoch;
            this.sink = sink;
        }

        /** The layer concerned. */
        public Builder layer(int layer) {
            this.layer = layer;
            return this;
        }

        /** One sentence saying what is wrong. */
        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        /** One line of evidence; call once per line. */
        public Builder evidence(String line) {
            this.evidence.add(line);
            return this;
        }

        /** What to change. */
        public Builder prescription(String prescription) {
            this.prescription = prescription;
            return this;
        }

        /** Builds the finding without emitting it. */
        public Finding build() {
            if (summary == null) {
                throw new IllegalStateException("a finding needs a summary");
            }
            return new Finding(monitor, pathology, severity, layer, iteration, epoch, summary, evidence, prescription);
        }

        /** Builds the finding and emits it to the run's findings. */
        public Finding report() {
            Finding f = build();
            sink.accept(f);
            return f;
        }
    }
}
