package io.trainscope.core.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders an evaluation as a text table (for the terminal) and as JSON ({@code evaluation.json}). */
public final class EvaluationReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationReport() {
    }

    /** The evaluation as a text table: metrics, per-class precision and recall, confusion matrix. */
    public static String text(ModelEvaluator.ModelEvaluation e) {
        EvaluationResult r = e.result();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "model: %s%ndata: %s (%d examples)%n", e.model().source(), e.data(), r.examples()));
        r.metrics().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-10s %.4f%n", k, v)));
        List<String> classes = r.classes();
        if (!classes.isEmpty()) {
            int w = Math.max(5, classes.stream().mapToInt(String::length).max().orElse(5));
            sb.append(String.format(Locale.ROOT, "%n  %-" + w + "s %9s %9s%n", "class", "precision", "recall"));
            for (int i = 0; i < classes.size(); i++) {
                sb.append(String.format(Locale.ROOT, "  %-" + w + "s %9.4f %9.4f%n", classes.get(i), r.precision()[i],
                        r.recall()[i]));
            }
            sb.append(String.format(Locale.ROOT, "%n  confusion matrix (rows: actual, columns: predicted)%n  %" + w + "s", ""));
            for (int p = 0; p < classes.size(); p++) {
                sb.append(String.format(Locale.ROOT, " %6s", abbreviate(classes.get(p))));
            }
            sb.append('\n');
            for (int a = 0; a < classes.size(); a++) {
                sb.append(String.format(Locale.ROOT, "  %-" + w + "s", classes.get(a)));
                for (int p = 0; p < classes.size(); p++) {
                    sb.append(String.format(Locale.ROOT, " %6d", r.confusion()[a][p]));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** The evaluation as a JSON document. */
    public static String json(ModelEvaluator.ModelEvaluation e) {
        EvaluationResult r = e.result();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("checkpoint", String.valueOf(e.model().source()));
        root.put("data", e.data());
        root.put("examples", r.examples());
        root.put("metrics", r.metrics());
        if (!r.classes().isEmpty()) {
            root.put("classes", r.classes());
            root.put("precision", r.precision());
            root.put("recall", r.recall());
            root.put("confusion", r.confusion());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 6 ? s : s.substring(0, 6);
    }
}
