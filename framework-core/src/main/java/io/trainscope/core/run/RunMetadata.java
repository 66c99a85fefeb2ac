package io.trainscope.core.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.NetworkInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code run.json} of a run folder: identity, seed, timing, outcome, the network's shape and
 * the environment it ran in. Rewritten atomically at start, after every epoch and at the end; a
 * resumed run keeps the fields of its earlier part and adds an entry under {@code resumed}.
 */
public final class RunMetadata {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public RunMetadata(String runId, String name, long seed, NetworkInfo network, Map<String, Object> environment) {
        fields.put("run", runId);
        fields.put("name", name);
        fields.put("seed", seed);
        fields.put("started", Instant.now().toString());
        fields.put("status", "running");
        fields.put("network", network(network));
        fields.put("environment", environment);
    }

    private RunMetadata(Map<String, Object> existing) {
        fields.putAll(existing);
    }

    /**
     * The fields of an existing {@code run.json} (a resumed run keeps its start time, startup time
     * and earlier resumes), or {@code fallback} when the file is missing or unreadable.
     */
    public static RunMetadata readOr(Path file, RunMetadata fallback) {
        try {
            if (Files.isRegularFile(file)) {
                return new RunMetadata(JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { }));
            }
        } catch (IOException e) {
            // a run.json cut short by a crash: start from the fallback
        }
        return fallback;
    }

    /** Appends an entry to the {@code resumed} list (one per resume of the run). */
    @SuppressWarnings("unchecked")
    public RunMetadata addResume(Map<String, Object> resume) {
        Object list = fields.get("resumed");
        List<Object> resumes = list instanceof List<?> l ? new ArrayList<>((List<Object>) l) : new ArrayList<>();
        resumes.add(resume);
        fields.put("resumed", resumes);
        return this;
    }

    /** Sets or replaces a top-level field. */
    public RunMetadata put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** Removes top-level fields (those of an earlier ending, when a run resumes). */
    public RunMetadata remove(String... keys) {
        for (String k : keys) {
            fields.remove(k);
        }
        return this;
    }

    /** The fields, for tests and reports. */
    public Map<String, Object> fields() {
        return fields;
    }

    /** Writes {@code run.json} atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, tmp -> JSON.writeValue(tmp.toFile(), fields));
    }

    private static Map<String, Object> network(NetworkInfo info) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("inputs", info.inputs());
        n.put("parameters", info.parameters());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (LayerInfo l : info.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", l.index());
            m.put("name", l.name());
            m.put("fan_in", l.fanIn());
            m.put("units", l.units());
            m.put("activation", l.activation());
            if (l.flatRegion() != null && l.flatRegion().exists()) {
                m.put("flat_region", flatRegion(l.flatRegion()));
            }
            layers.add(m);
        }
        n.put("layers", layers);
        return n;
    }

    /** Where the activation's output is flat: {@code a <= lower} or {@code a >= upper}; null for no bound. */
    private static Map<String, Object> flatRegion(FlatRegion flat) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lower", Double.isFinite(flat.lowerBound()) ? flat.lowerBound() : null);
        m.put("upper", Double.isFinite(flat.upperBound()) ? flat.upperBound() : null);
        return m;
    }
}
