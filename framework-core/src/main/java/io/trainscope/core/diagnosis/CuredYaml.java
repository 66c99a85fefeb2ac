package io.trainscope.core.diagnosis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.trainscope.core.run.AtomicFiles;
import io.trainscope.core.run.OutputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cured.yaml}: the cured config as YAML, with a comment per kept change: a header listing
 * every change with the diagnosis it treats, and the same note at the end of the line it sets.
 */
public final class CuredYaml {

    /** The file name. */
    public static final String FILE = "cured.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private CuredYaml() {
    }

    /** The text of {@code cured.yaml}. */
    public static String text(CureResult result) {
        String body;
        try {
            body = YAML.writeValueAsString(result.curedConfig().tree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the cured config as YAML", e);
        }
        List<String> lines = new ArrayList<>(List.of(body.split("\n")));
        StringBuilder head = new StringBuilder("# Cured by trainscope diagnose --fix from " + result.before().config() + "\n");
        for (CureStep step : result.steps()) {
            if (step.kept()) {
                for (ConfigChange c : step.changes()) {
                    String note = "cure for " + step.treated().ailment().id() + ": " + c.why();
                    head.append("#   ").append(c.describe()).append("  (").append(note).append(")\n");
                    annotate(lines, c, "# diagnose --fix: cures " + step.treated().ailment().id());
                }
            }
        }
        if (result.kept().isEmpty()) {
            head.append("#   no change helped: this is the original config\n");
        }
        return head + String.join("\n", lines) + "\n";
    }

    /** Writes {@code cured.yaml} into {@code folder}. */
    public static Path write(Path folder, CureResult result) {
        Path file = folder.resolve(FILE);
        try {
            AtomicFiles.writeString(file, text(result));
        } catch (IOException e) {
            throw OutputException.cannotWriteResult(file, e);
        }
        return file;
    }

    /** Appends {@code comment} to the line that sets the change's last key, under its parents' keys. */
    private static void annotate(List<String> lines, ConfigChange change, String comment) {
        String[] keys = change.path().replaceAll("\\[\\d+]", "").split("\\.");
        int from = 0;
        for (int k = 0; k < keys.length; k++) {
            String indent = "  ".repeat(k);
            for (int i = from; i < lines.size(); i++) {
                if (lines.get(i).startsWith(indent + keys[k] + ":")) {
                    from = i;
                    if (k == keys.length - 1 && !lines.get(i).contains("#")) {
                        lines.set(i, lines.get(i) + "  " + comment);
                    }
                    break;
                }
            }
        }
    }
}
