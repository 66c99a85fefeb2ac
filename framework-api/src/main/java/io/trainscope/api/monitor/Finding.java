package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A diagnosis in plain words: what is wrong, where, the evidence, and the prescription.
 *
 * @param monitor      the name of the monitor that found it
 * @param pathology    the kind of problem
 * @param severity     how bad it is
 * @param layer        the layer concerned (its index in the run's network), or null for the whole network
 * @param iteration    the iteration it was found at
 * @param epoch        the epoch it was found at
 * @param summary      one sentence saying what is wrong
 * @param evidence     the numbers behind it, one line each
 * @param prescription what to change, in words a user can act on, with its remedies worded for the run
 * @param remedies     the changes the prescription names, structured (empty when it names none)
 */
@StableApi(since = "0.1")
public record Finding(String monitor, Pathology pathology, Severity severity, Integer layer, long iteration,
                      int epoch, String summary, List<String> evidence, String prescription, List<Remedy> remedies) {

    public Finding {
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(pathology, "pathology");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(evidence);
        prescription = prescription == null ? "" : prescription;
        remedies = remedies == null ? List.of() : List.copyOf(remedies);
    }

    /** A finding whose prescription names no structured remedy. */
    public Finding(String monitor, Pathology pathology, Severity severity, Integer layer, long iteration, int epoch,
                   String summary, List<String> evidence, String prescription) {
        this(monitor, pathology, severity, layer, iteration, epoch, summary, evidence, prescription, List.of());
    }

    /** The same finding about another layer (the core numbers a monitor's layers as the whole network does). */
    public Finding withLayer(Integer layer) {
        return new Finding(monitor, pathology, severity, layer, iteration, epoch, summary, evidence, prescription, remedies);
    }

    /** Builds a finding; obtained from {@link MonitorContext#finding}, emitted with {@link #report()}. */
    public static final class Builder {
        private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

        private final String monitor;
        private final Pathology pathology;
        private final Severity severity;
        private final long iteration;
        private final int epoch;
        private final Consumer<Finding> sink;
        private final Function<Remedy, String> words;
        private Integer layer;
        private String summary;
        private final List<String> evidence = new ArrayList<>();
        private String prescription = "";
        private final List<Remedy> remedies = new ArrayList<>();

        /**
         * A builder that words remedies as plugin names.
         *
         * @param sink where {@link #report()} sends the finding
         */
        public Builder(String monitor, Pathology pathology, Severity severity, long iteration, int epoch,
                       Consumer<Finding> sink) {
            this(monitor, pathology, severity, iteration, epoch, sink, Remedy::plugin);
        }

        /**
         * @param sink  where {@link #report()} sends the finding
         * @param words how a remedy reads in this run's prescriptions
         */
        public Builder(String monitor, Pathology pathology, Severity severity, long iteration, int epoch,
                       Consumer<Finding> sink, Function<Remedy, String> words) {
            this.monitor = monitor;
            this.pathology = pathology;
            this.severity = severity;
            this.iteration = iteration;
            this.epoch = epoch;
            this.sink = sink;
            this.words = Objects.requireNonNull(words, "words");
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

        /** What to change, in words that need no plugin names. */
        public Builder prescription(String prescription) {
            this.prescription = prescription;
            this.remedies.clear();
            return this;
        }

        /**
         * What to change, where {@code {0}}, {@code {1}}, ... stand for the remedies in order, worded
         * for the run: {@code prescription("Initialize with {0} (variance 2/fan-in).", Remedy.initializer("he-normal"))}
         * reads "Initialize with he-normal ..." for a config and "Initialize with
         * {@code .weightInit(WeightInit.RELU)} ..." for a network built with DL4J's builders.
         *
         * @throws IllegalArgumentException when a placeholder has no remedy
         */
        public Builder prescription(String text, Remedy... remedies) {
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                int i = Integer.parseInt(m.group(1));
                if (i >= remedies.length) {
                    throw new IllegalArgumentException("prescription placeholder {" + i + "} has no remedy; "
                            + remedies.length + " given: " + text);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(words.apply(remedies[i])));
            }
            m.appendTail(out);
            this.prescription = out.toString();
            this.remedies.clear();
            this.remedies.addAll(List.of(remedies));
            return this;
        }

        /** Builds the finding without emitting it. */
        public Finding build() {
            if (summary == null) {
                throw new IllegalStateException("a finding needs a summary");
            }
            return new Finding(monitor, pathology, severity, layer, iteration, epoch, summary, evidence, prescription,
                    remedies);
        }

        /** Builds the finding and emits it to the run's findings. */
        public Finding report() {
            Finding f = build();
            sink.accept(f);
            return f;
        }
    }
}
