package io.trainscope.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainscope.api.monitor.Severity;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.evaluation.Evaluator;
import io.trainscope.core.run.RunFolder;
import io.trainscope.core.training.TrainerMetrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a finished run folder into a {@link RunSummary}: the outcome from {@code run.json}, the
 * findings from {@code findings.json}, and from {@code metrics.jsonl} the trainer's figures (the
 * last epoch's training loss, the best epoch of the validation metric, the test metrics, the
 * epochs' wall times) and the first record of every metric the run's monitors declared for
 * comparisons. Reading the folder rather than watching the run makes a resumed run's row the
 * same as an uninterrupted one's. {@code metrics.jsonl} is streamed; a last line cut short by a
 * crash is skipped.
 */
final class RunSummaryReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The validation metric the best epoch is chosen by when early stopping names none and the run has it. */
    static final String DEFAULT_BEST = TrainerMetrics.validation(Evaluator.ACCURACY).name();
    /** The one chosen by otherwise. */
    static final String FALLBACK_BEST = TrainerMetrics.validation(Evaluator.LOSS).name();

    /**
     * What to read besides the trainer's own metrics.
     *
     * @param bestMetric the validation metric the best epoch is chosen by (early stopping's), or null
     *                   for {@value #DEFAULT_BEST} when measured, else {@value #FALLBACK_BEST}
     * @param headlines  the metrics declared for comparisons, by name, with their labels
     */
    record Wanted(String bestMetric, Map<String, String> headlines) {
    }

    private RunSummaryReader() {
    }

    /** The summary of a run folder. */
    static RunSummary read(Path runDirectory, Wanted wanted) {
        JsonNode run = json(runDirectory.resolve(RunFolder.RUN));
        Metrics m = new Metrics(wanted);
        m.scan(runDirectory.resolve(RunFolder.METRICS));
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> pathologies = new ArrayList<>();
        findings(runDirectory.resolve(RunFolder.FINDINGS), counts, pathologies);
        String best = wanted.bestMetric() != null ? wanted.bestMetric()
                : m.best.containsKey(DEFAULT_BEST) ? DEFAULT_BEST : FALLBACK_BEST;
        double[] b = m.best.get(best);
        return new RunSummary(run.path("status").asText(RunSummary.FAILED), run.path("failed").asBoolean(false),
                run.path("reason").asText(""), run.path("epochs_completed").asInt(0), m.test,
                b == null ? null : best, b == null ? null : b[0], b == null ? null : (int) b[1], m.trainingLoss,
                m.headlines(), counts, pathologies, m.seconds);
    }

    /** Whether a run folder's {@code run.json} says the run ended (a missing or damaged one does not). */
    static boolean ended(Path runDirectory) {
        try {
            JsonNode run = JSON.readTree(runDirectory.resolve(RunFolder.RUN).toFile());
            return run != null && run.has("finished") && !"running".equals(run.path("status").asText());
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new TrainscopeException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void findings(Path file, Map<String, Integer> counts, List<String> pathologies) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        List<JsonNode> all = new ArrayList<>();
        json(file).path("findings").forEach(all::add);
        all.sort(Comparator.comparing((JsonNode f) -> Severity.valueOf(f.path("severity").asText("INFO"))).reversed());
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode f : all) {
            counts.merge(f.path("severity").asText(), 1, Integer::sum);
            seen.add(f.path("pathology").asText());
        }
        pathologies.addAll(seen);
    }

    /** The figures gathered in one pass over {@code metrics.jsonl}. */
    private static final class Metrics {
        private final Wanted wanted;
        private final Map<String, Double> test = new LinkedHashMap<>();
        private final Map<String, JsonNode> firstNetwork = new LinkedHashMap<>();
        private final Map<String, Map<String, Double>> firstLayers = new LinkedHashMap<>();
        private final Map<String, Long> firstIteration = new LinkedHashMap<>();
        /** Per validation metric: its best value and the epoch (from 1) it was reached in. */
        private final Map<String, double[]> best = new LinkedHashMap<>();
        private Double trainingLoss;
        private double seconds;

        Metrics(Wanted wanted) {
            this.wanted = wanted;
        }

        void scan(Path file) {
            if (!Files.isRegularFile(file)) {
                return;
            }
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                String previous = null;
                while ((line = in.readLine()) != null) {
                    if (previous != null) {
                        accept(JSON.readTree(previous));
                    }
                    previous = line;
                }
                if (previous != null) {
                    acceptLast(previous);
                }
            } catch (IOException e) {
                throw new TrainscopeException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        /** The last line may have been cut short by a crash: skipped when it does not parse. */
        private void acceptLast(String line) {
            try {
                accept(JSON.readTree(line));
            } catch (IOException e) {
                // cut short
            }
        }

        private void accept(JsonNode m) {
            String metric = m.path("metric").asText();
            if (m.has("histogram")) {
                return;
            }
            double value = value(m.path("value"));
            if (TrainerMetrics.SOURCE.equals(m.path("monitor").asText())) {
                trainer(metric, value, m.path("epoch").asInt());
            } else if (wanted.headlines().containsKey(metric)) {
                headline(metric, m, value);
            }
        }

        private void trainer(String metric, double value, int epoch) {
            if (metric.equals(TrainerMetrics.EPOCH_LOSS.name())) {
                trainingLoss = value;
            } else if (metric.equals(TrainerMetrics.EPOCH_SECONDS.name())) {
                seconds += value;
            } else if (metric.startsWith(TrainerMetrics.TEST)) {
                test.put(metric.substring(TrainerMetrics.TEST.length()), value);
            } else if (metric.startsWith(TrainerMetrics.VALIDATION) && !Double.isNaN(value)) {
                double[] b = best.get(metric);
                boolean higher = metric.endsWith(Evaluator.ACCURACY);
                if (b == null || (higher ? value > b[0] : value < b[0])) {
                    best.put(metric, new double[]{value, epoch + 1});
                }
            }
        }

        /** Keeps the first record of a metric: its network value, or its layer values at the first iteration it has. */
        private void headline(String metric, JsonNode m, double value) {
            long iteration = m.path("iteration").asLong();
            Long first = firstIteration.putIfAbsent(metric, iteration);
            if (first != null && first != iteration) {
                return;
            }
            if (m.has("layer")) {
                firstLayers.computeIfAbsent(metric, k -> new LinkedHashMap<>())
                        .putIfAbsent(m.path("layer_name").asText("layer " + m.path("layer").asInt()), value);
            } else {
                firstNetwork.putIfAbsent(metric, m);
            }
        }

        List<RunSummary.Headline> headlines() {
            List<RunSummary.Headline> out = new ArrayList<>();
            for (var e : wanted.headlines().entrySet()) {
                String when = when(firstIteration.get(e.getKey()));
                if (firstNetwork.containsKey(e.getKey())) {
                    out.add(new RunSummary.Headline(e.getKey(), e.getValue(), when,
                            value(firstNetwork.get(e.getKey()).path("value")), Map.of()));
                } else if (firstLayers.containsKey(e.getKey())) {
                    out.add(new RunSummary.Headline(e.getKey(), e.getValue(), when, null, firstLayers.get(e.getKey())));
                }
            }
            return out;
        }

        private static String when(Long iteration) {
            return iteration == null ? "" : iteration == 0 ? "at initialization" : "at iteration " + iteration;
        }

        /** A number, or NaN and the infinities written as strings. */
        private static double value(JsonNode v) {
            return v.isNumber() ? v.doubleValue() : v.isTextual() ? Double.parseDouble(v.asText()) : Double.NaN;
        }
    }
}
