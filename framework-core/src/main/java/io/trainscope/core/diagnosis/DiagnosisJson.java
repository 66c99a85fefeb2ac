package io.trainscope.core.diagnosis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trainscope.core.run.AtomicFiles;
import io.trainscope.core.run.OutputException;
import io.trainscope.core.run.FindingsWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code diagnosis.json}: a diagnosis as plain maps and lists (format in {@code docs/diagnosis.md}),
 * and reading it back as maps for the report.
 */
public final class DiagnosisJson {

    /** The file name in a run or diagnosis folder. */
    public static final String FILE = "diagnosis.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiagnosisJson() {
    }

    /** Writes {@code report} (and the cure's rounds, may be null) to {@code file} atomically. */
    public static void write(Path file, DiagnosisReport report, Map<String, Object> cure) {
        Map<String, Object> root = toMap(report);
        if (cure != null) {
            root.put("cure", cure);
        }
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(root));
        } catch (IOException e) {
            throw OutputException.cannotWriteResult(file, e);
        }
    }

    /** The report as a JSON tree of maps. */
    public static Map<String, Object> toMap(DiagnosisReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config", report.config());
        m.put("healthy", report.healthy());
        m.put("primary", report.primary() == null ? null : toMap(report.primary()));
        m.put("explained", report.explained().stream().map(DiagnosisJson::toMap).toList());
        m.put("independent", report.independent().stream().map(DiagnosisJson::toMap).toList());
        m.put("unexplained_findings", report.unexplained().stream().map(FindingsWriter::toMap).toList());
        m.put("vitals", vitals(report.vitals()));
        return m;
    }

    /** One diagnosis as a map. */
    public static Map<String, Object> toMap(Diagnosis d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pathology", d.ailment().id());
        m.put("title", d.ailment().title());
        m.put("severity", d.level().label());
        m.put("layers", d.layers());
        m.put("summary", d.summary());
        m.put("evidence", d.evidence());
        m.put("cause", d.cause());
        List<Map<String, Object>> changes = new ArrayList<>();
        for (ConfigChange c : d.prescription().changes()) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("path", c.path());
            change.put("value", c.value());
            change.put("why", c.why());
            changes.add(change);
        }
        m.put("prescription", Map.of("changes", changes, "words", d.prescription().words()));
        m.put("explains", d.explains().stream().map(FindingsWriter::toMap).toList());
        return m;
    }

    /** The vitals as a map (NaN as null). */
    public static Map<String, Object> vitals(Vitals v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gradient_ratio", finite(v.gradientRatio()));
        m.put("dead_percent", finite(v.deadPercent()));
        m.put("saturated_percent", finite(v.saturatedPercent()));
        m.put("initial_loss", finite(v.initialLoss()));
        m.put("final_loss", finite(v.finalLoss()));
        m.put("iterations", v.iterations());
        return m;
    }

    /** A number, or null when it is not finite (JSON has no NaN). */
    public static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Reads a {@code diagnosis.json} as maps. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
