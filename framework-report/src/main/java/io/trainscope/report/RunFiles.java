package io.trainscope.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainscope.api.monitor.Finding;
import io.trainscope.core.run.FindingsWriter;
import io.trainscope.core.run.MetricCatalogue;
import io.trainscope.core.run.RunFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the small files of a run folder for {@link RunData}: a missing file is a note (the report
 * leaves its part out), a damaged one a {@link ReportException} naming the file.
 */
final class RunFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFiles() {
    }

    /** {@code catalogue.json}, or an empty catalogue (with a note) when the folder has none. */
    static MetricCatalogue catalogue(Path file, List<String> notes) {
        if (!Files.isRegularFile(file)) {
            notes.add(RunFolder.CATALOGUE + " is missing (a run folder of an older version): metrics are drawn by their "
                    + "shape only.");
            return new MetricCatalogue();
        }
        try {
            return MetricCatalogue.read(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new ReportException("cannot read " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    static Map<String, Object> runJson(Path file, List<String> notes) {
        if (!Files.isRegularFile(file)) {
            notes.add(RunFolder.RUN + " is missing: no run summary.");
            return Map.of();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = JSON.readValue(file.toFile(), Map.class);
            return m == null ? Map.of() : m;
        } catch (IOException e) {
            throw new ReportException("cannot read " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    static String config(Path file, List<String> notes) {
        if (!Files.isRegularFile(file)) {
            notes.add(RunFolder.CONFIG + " is missing: no resolved config.");
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Finding> findings(Path file, List<String> notes) {
        if (!Files.isRegularFile(file)) {
            notes.add(RunFolder.FINDINGS + " is missing: findings are not shown.");
            return List.of();
        }
        try {
            Map<String, Object> root = JSON.readValue(file.toFile(), Map.class);
            Object list = root == null ? null : root.get("findings");
            if (!(list instanceof List<?> items)) {
                throw new ReportException(file + " has no \"findings\" list");
            }
            List<Finding> findings = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                try {
                    findings.add(FindingsWriter.fromMap((Map<String, Object>) items.get(i)));
                } catch (RuntimeException e) {
                    throw new ReportException(file + ": finding " + (i + 1) + " is malformed: " + e, e);
                }
            }
            return findings;
        } catch (IOException e) {
            throw new ReportException("cannot read " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

}
