package io.trainscope.plugins.data.internal;

import io.trainscope.api.data.DataException;
import io.trainscope.api.data.Examples;
import io.trainscope.api.data.LoadedData;
import io.trainscope.api.data.Task;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a CSV table with a header row into examples: one column holds the target, every other
 * column is a numeric feature.
 *
 * <p>For classification the target's distinct values become the class names, sorted numerically
 * when all of them are numbers and lexicographically otherwise, and the targets hold their
 * indices. For regression the target must be a number. Features must be finite decimal numbers
 * ({@code 1}, {@code -0.5}, {@code 2e-3}); anything else, ragged rows and a missing label column
 * are {@link DataException}s naming the source, the line and the column.
 */
public final class CsvData {

    /** The ways spreadsheets and programs write "not a number" and infinity. */
    private static final Pattern NOT_FINITE = Pattern.compile(
            "(?i)[-+]?(nan|inf|infinity|\\.inf|\\.nan|1\\.#inf|1\\.#ind|#num!|#div/0!)|[-+]?\u221e");

    private CsvData() {
    }

    /**
     * Reads a UTF-8 CSV file, gzip-compressed or not.
     *
     * @param labelColumn the target column's name; null or blank means the last column
     */
    public static LoadedData read(Path file, char delimiter, String labelColumn, boolean classification)
            throws IOException {
        DataFiles.requireRegularFile(file, "CSV file");
        Reader reader = new InputStreamReader(DataFiles.open(file), StandardCharsets.UTF_8.newDecoder());
        try (CsvParser parser = new CsvParser(reader, delimiter, file.toString())) {
            return read(parser, file.toString(), labelColumn, classification);
        } catch (CharacterCodingException e) {
            throw new DataException(file + ": not UTF-8 text (" + e + "); save the file as UTF-8", e);
        }
    }

    /**
     * Reads CSV text from any reader; {@code source} names it in messages. Closes the reader.
     *
     * @param labelColumn the target column's name; null or blank means the last column
     */
    public static LoadedData read(Reader reader, String source, char delimiter, String labelColumn,
                                  boolean classification) throws IOException {
        try (CsvParser parser = new CsvParser(reader, delimiter, source)) {
            return read(parser, source, labelColumn, classification);
        }
    }

    private static LoadedData read(CsvParser parser, String source, String labelColumn, boolean classification)
            throws IOException {
        List<String> header = header(parser, source);
        int columns = header.size();
        int label = labelIndex(source, header, labelColumn);
        checkHasFeatures(source, header);
        String labelName = header.get(label);
        int featureCount = columns - 1;
        FloatList features = new FloatList(source);
        FloatList numericTargets = classification ? null : new FloatList(source);
        List<String> labels = classification ? new ArrayList<>() : null;
        int rows = 0;
        List<String> record;
        while ((record = parser.next()) != null) {
            int line = parser.line();
            checkWidth(source, line, record, columns);
            for (int j = 0; j < columns; j++) {
                String value = record.get(j);
                if (j != label) {
                    features.add(number(source, line, header, j, value));
                } else if (classification) {
                    labels.add(classLabel(source, line, labelName, value));
                } else {
                    numericTargets.add(number(source, line, header, j, value));
                }
            }
            rows++;
        }
        if (rows == 0) {
            throw new DataException(source + ": the file has a header but no data rows");
        }
        var x = Matrices.matrix(features.toArray(), rows, featureCount);
        if (!classification) {
            return LoadedData.single(new Task.Regression(1), new Examples(x, Matrices.matrix(numericTargets.toArray(), rows, 1)));
        }
        return classified(source, labelName, x, labels);
    }

    private static List<String> header(CsvParser parser, String source) throws IOException {
        List<String> header = parser.next();
        if (header == null) {
            throw new DataException(source + ": the file is empty; expected a header row with the column names, "
                    + "then one row per example");
        }
        return header;
    }

    private static void checkHasFeatures(String source, List<String> header) {
        if (header.size() < 2) {
            throw new DataException(source + ": the header has only the column '" + header.get(0)
                    + "'; besides the label column at least one feature column is needed (is the delimiter right?)");
        }
    }

    private static String classLabel(String source, int line, String labelName, String value) {
        if (value.isEmpty()) {
            throw new DataException(source + ": line " + line + ": the label column '" + labelName
                    + "' is empty; every row needs a class");
        }
        return value;
    }

    private static void checkWidth(String source, int line, List<String> record, int columns) {
        if (record.size() != columns) {
            throw new DataException(source + ": line " + line + " has " + record.size() + " field"
                    + (record.size() == 1 ? "" : "s") + " but the header has " + columns + " columns"
                    + (record.size() > columns ? " (a value containing the delimiter must be quoted)" : ""));
        }
    }

    /** Classification data: the distinct labels become the classes, the targets their indices. */
    private static LoadedData classified(String source, String labelName, INDArray x, List<String> labels) {
        List<String> classes = classNames(labels);
        if (classes.size() < 2) {
            throw new DataException(source + ": the label column '" + labelName + "' has only the value '"
                    + classes.get(0) + "'; classification needs at least two classes");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        float[] targets = new float[labels.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = index.get(labels.get(i));
        }
        return LoadedData.single(new Task.Classification(classes),
                new Examples(x, Matrices.matrix(targets, targets.length, 1)));
    }

    /** The distinct labels, numerically sorted when all are numbers, lexicographically otherwise. */
    static List<String> classNames(List<String> labels) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(labels));
        boolean numeric = distinct.stream().allMatch(CsvData::isNumber);
        Comparator<String> order = numeric
                ? Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        distinct.sort(order);
        return distinct;
    }

    private static int labelIndex(String source, List<String> header, String labelColumn) {
        if (labelColumn == null || labelColumn.isBlank()) {
            return header.size() - 1;
        }
        String wanted = labelColumn.strip();
        int found = -1;
        for (int j = 0; j < header.size(); j++) {
            if (header.get(j).equals(wanted)) {
                if (found >= 0) {
                    throw new DataException(source + ": the header has two columns named '" + wanted
                            + "' (columns " + (found + 1) + " and " + (j + 1) + "); rename one to use it as label column");
                }
                found = j;
            }
        }
        if (found < 0) {
            String suggestion = Names.closest(wanted, header)
                    .map(s -> " Did you mean '" + s + "'?").orElse("");
            String delimiterHint = header.size() == 1 ? " (only one column: is the delimiter right?)" : "";
            throw new DataException(source + ": no column '" + wanted + "' for label-column; the header has "
                    + String.join(", ", header.stream().map(h -> "'" + h + "'").toList()) + delimiterHint + "."
                    + suggestion);
        }
        return found;
    }

    private static float number(String source, int line, List<String> header, int column, String value) {
        String where = source + ": line " + line + ", column '" + header.get(column) + "' (column " + (column + 1) + "): ";
        if (value.isEmpty()) {
            throw new DataException(where + "the value is empty; every feature must be a number "
                    + "(missing values are not supported)");
        }
        if (NOT_FINITE.matcher(value).matches()) {
            throw new DataException(where + "'" + value + "' is not a finite number; every value must be a finite "
                    + "decimal number (missing or infinite values are not supported)");
        }
        if (!isNumber(value)) {
            throw new DataException(where + "'" + value + "' is not a number");
        }
        float f = (float) Double.parseDouble(value);
        if (!Float.isFinite(f)) {
            throw new DataException(where + "'" + value + "' is outside the float32 range (about -3.4e38 to 3.4e38)");
        }
        return f;
    }

    /** Whether {@code s} is a finite decimal number: digits, an optional sign, point and exponent. */
    static boolean isNumber(String s) {
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '+' && c != '-' && c != '.' && c != 'e' && c != 'E') {
                return false;
            }
        }
        if (!digit) {
            return false;
        }
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A growable float array bounded by the largest Java array. */
    private static final class FloatList {
        private final String source;
        private float[] values = new float[1024];
        private int size;

        FloatList(String source) {
            this.source = source;
        }

        void add(float v) {
            if (size == values.length) {
                if (size >= Matrices.MAX_ARRAY_LENGTH) {
                    throw new DataException(source + ": more than " + Matrices.MAX_ARRAY_LENGTH
                            + " values, more than one array can hold; use a smaller file");
                }
                values = Arrays.copyOf(values, (int) Math.min(Matrices.MAX_ARRAY_LENGTH, 2L * size));
            }
            values[size++] = v;
        }

        float[] toArray() {
            return size == values.length ? values : Arrays.copyOf(values, size);
        }
    }
}
