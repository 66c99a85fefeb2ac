package io.trainscope.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Remedy;
import io.trainscope.api.monitor.Severity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a run's findings to {@code findings.json} (schema in {@code docs/metrics.md}), atomically. */
public final class FindingsWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FindingsWriter() {
    }

    /** Writes {@code findings} of run {@code runId} to {@code file}. */
    public static void write(Path file, String runId, List<Finding> findings) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("run", runId);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Finding f : findings) {
            list.add(toMap(f));
        }
        root.put("findings", list);
        AtomicFiles.write(file, tmp -> JSON.writeValue(tmp.toFile(), root));
    }

    /** A finding read back from {@link #toMap}. */
    @SuppressWarnings("unchecked")
    public static Finding fromMap(Map<String, Object> m) {
        Object layer = m.get("layer");
        return new Finding((String) m.get("monitor"),
                new Pathology((String) m.get("pathology"), (String) m.get("title")),
                Severity.valueOf((String) m.get("severity")),
                layer == null ? null : ((Number) layer).intValue(),
                ((Number) m.get("iteration")).longValue(), ((Number) m.get("epoch")).intValue(),
                (String) m.get("summary"), (List<String>) m.getOrDefault("evidence", List.of()),
                (String) m.getOrDefault("prescription", ""), remedies(m.get("remedies")));
    }

    /** One finding as JSON-ready map. */
    public static Map<String, Object> toMap(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("monitor", f.monitor());
        m.put("pathology", f.pathology().id());
        m.put("title", f.pathology().title());
        m.put("severity", f.severity().name());
        m.put("layer", f.layer());
        m.put("iteration", f.iteration());
        m.put("epoch", f.epoch());
        m.put("summary", f.summary());
        m.put("evidence", f.evidence());
        m.put("prescription", f.prescription());
        if (!f.remedies().isEmpty()) {
            m.put("remedies", f.remedies().stream().map(r -> Map.of("setting", r.setting().name().toLowerCase(Locale.ROOT),
                    "plugin", r.plugin())).toList());
        }
        return m;
    }

    /** The structured remedies of a finding read back (none when the file has none). */
    @SuppressWarnings("unchecked")
    private static List<Remedy> remedies(Object list) {
        if (!(list instanceof List<?> l)) {
            return List.of();
        }
        return ((List<Map<String, Object>>) l).stream().map(r -> new Remedy(
                Remedy.Setting.valueOf(((String) r.get("setting")).toUpperCase(Locale.ROOT)), (String) r.get("plugin"))).toList();
    }
}
