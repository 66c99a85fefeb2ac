package io.trainscope.plugins.data;

import io.trainscope.api.data.DataContext;
import io.trainscope.api.data.DataSource;
import io.trainscope.api.data.LoadedData;
import io.trainscope.api.plugin.ParameterException;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.plugins.data.internal.CsvData;

import java.io.IOException;
import java.util.List;

/**
 * Reads a table of examples from a CSV file with a header row ({@code csv}).
 *
 * <p>One column is the target ({@code label-column}, the last column by default), every other
 * column a numeric feature. For classification the target's distinct values become the class
 * names, sorted numerically when all are numbers and lexicographically otherwise; for regression
 * the target must be a number. Fields may be quoted as in RFC 4180. The file is UTF-8 and may be
 * gzip-compressed. The format rules and error messages are those of {@link CsvData}.
 */
public final class CsvSource implements DataSource {

    static final ParameterSpec PATH = ParameterSpec.text("path", null,
            "the CSV file; relative paths resolve against the config's directory");
    static final ParameterSpec LABEL_COLUMN = ParameterSpec.text("label-column", "",
            "name of the target column; empty means the last column");
    static final ParameterSpec TASK = ParameterSpec.choice("task", "classification",
            List.of("classification", "regression"), "classification: the target names a class; regression: a number");
    static final ParameterSpec DELIMITER = ParameterSpec.text("delimiter", ",",
            "the field separator, one character; \\t or tab for a tab");

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "a CSV file with a header row: numeric feature columns and one target column";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(PATH, LABEL_COLUMN, TASK, DELIMITER);
    }

    @Override
    public void validate(Parameters params) {
        delimiter(params);
    }

    @Override
    public LoadedData load(Parameters params, DataContext context) throws IOException {
        return CsvData.read(context.resolve(params.text(PATH.name())), delimiter(params),
                params.text(LABEL_COLUMN.name()), "classification".equals(params.text(TASK.name())));
    }

    /** The delimiter character: one character, or {@code \t} / {@code tab} for a tab. */
    static char delimiter(Parameters params) {
        String d = params.text(DELIMITER.name());
        if ("\\t".equals(d) || "tab".equalsIgnoreCase(d)) {
            return '\t';
        }
        if (d == null || d.length() != 1) {
            throw new ParameterException(DELIMITER.name(), "must be exactly one character, or \\t or tab for a tab"
                    + " (got '" + d + "')");
        }
        char c = d.charAt(0);
        if (c == '"' || c == '\n' || c == '\r') {
            throw new ParameterException(DELIMITER.name(), "cannot be a double quote or a line break");
        }
        return c;
    }
}
