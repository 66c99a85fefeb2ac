package io.trainscope.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trainscope.api.monitor.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Streams {@code metrics.jsonl} one line at a time, without loading the file, and hands each
 * parsed line to a consumer.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>The strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} (how the writer
 *       encodes non-finite values) are read back as those doubles; a null value is NaN.</li>
 *   <li>A malformed or truncated <em>last</em> line is skipped with a logged warning: the writer
 *       appends through a buffer, so a crash or a run still in progress can leave half a line.</li>
 *   <li>A malformed line anywhere else is a {@link ReportException} naming the file and the line
 *       number: that is damage, not an interrupted write.</li>
 *   <li>Blank lines are ignored; unknown fields are ignored (newer writers may add some).</li>
 * </ul>
 */
public final class MetricsReader {

    private static final Logger log = LoggerFactory.getLogger(MetricsReader.class);
    private static final JsonFactory JSON = new JsonFactory();

    private MetricsReader() {
    }

    /** What a read saw: lines delivered, and the warning about a skipped last line (or null). */
    public record Summary(long lines, String skippedLastLine) {
    }

    /**
     * Reads {@code file}, calling {@code consumer} for every well-formed line in file order.
     *
     * @throws ReportException when the file cannot be read or a line other than the last is malformed
     */
    public static Summary read(Path file, Consumer<MetricLine> consumer) {
        long delivered = 0;
        String skipped = null;
        try (BufferedReader in = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), 1 << 16)) {
            String line = in.readLine();
            long number = 1;
            while (line != null) {
                String next = in.readLine();
                if (!line.isBlank()) {
                    MetricLine parsed;
                    try {
                        parsed = parse(line);
                    } catch (IOException | IllegalArgumentException e) {
                        String problem = problem(e);
                        if (next == null) {
                            skipped = file + " line " + number + " is incomplete or malformed and was skipped ("
                                    + problem + "); the run may have been interrupted while writing it";
                            log.warn(skipped);
                            break;
                        }
                        throw new ReportException(file + " line " + number + " is malformed: " + problem
                                + " (only the last line may be cut short)", e);
                    }
                    consumer.accept(parsed);
                    delivered++;
                }
                line = next;
                number++;
            }
        } catch (IOException e) {
            throw new ReportException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Summary(delivered, skipped);
    }

    /** Parses one line; throws on anything that is not a complete measurement object. */
    static MetricLine parse(String line) throws IOException {
        Fields fields = new Fields();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                fields.read(p, field, p.nextToken());
            }
            if (t != JsonToken.END_OBJECT) {
                throw new IllegalArgumentException("the object is not closed");
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("text after the object");
            }
        }
        return fields.line();
    }

    /** The fields of one line as they are read. */
    private static final class Fields {
        private String run;
        private long iteration = -1;
        private int epoch = -1;
        private String monitor;
        private Integer layer;
        private String layerName;
        private String metric;
        private String unit;
        private double value = Double.NaN;
        private boolean hasValue;
        private Histogram histogram;

        void read(JsonParser p, String field, JsonToken v) throws IOException {
            switch (field) {
                case "run" -> run = text(p, v, field);
                case "iteration" -> iteration = integer(p, v, field);
                case "epoch" -> epoch = (int) integer(p, v, field);
                case "monitor" -> monitor = text(p, v, field);
                case "layer" -> layer = v == JsonToken.VALUE_NULL ? null : (int) integer(p, v, field);
                case "layer_name" -> layerName = text(p, v, field);
                case "metric" -> metric = text(p, v, field);
                case "unit" -> unit = text(p, v, field);
                case "value" -> {
                    value = number(p, v, field);
                    hasValue = true;
                }
                case "histogram" -> histogram = histogram(p, v);
                default -> p.skipChildren();
            }
        }

        MetricLine line() {
            if (metric == null) {
                throw new IllegalArgumentException("no \"metric\" field");
            }
            if (iteration < 0) {
                throw new IllegalArgumentException("no \"iteration\" field");
            }
            if (!hasValue && histogram == null) {
                throw new IllegalArgumentException("neither \"value\" nor \"histogram\"");
            }
            return new MetricLine(run, iteration, Math.max(epoch, 0), monitor, layer, layerName, metric, unit,
                    histogram != null ? Double.NaN : value, histogram);
        }
    }

    private static long integer(JsonParser p, JsonToken v, String field) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new IllegalArgumentException("\"" + field + "\" must be a number");
        }
        return p.getValueAsLong();
    }

    private static String text(JsonParser p, JsonToken v, String field) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return p.getText();
    }

    /** A number, or one of the strings the writer uses for non-finite values. */
    private static double number(JsonParser p, JsonToken v, String field) throws IOException {
        return switch (v) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_NULL -> Double.NaN;
            case VALUE_STRING -> switch (p.getText()) {
                case "NaN" -> Double.NaN;
                case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException("\"" + field + "\" must be a number or NaN/Infinity/-Infinity, got \""
                        + p.getText() + "\"");
            };
            default -> throw new IllegalArgumentException("\"" + field + "\" must be a number");
        };
    }

    private static Histogram histogram(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("\"histogram\" must be an object with edges and counts");
        }
        double[] edges = null;
        long[] counts = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken a = p.nextToken();
            if (field.equals("edges")) {
                edges = numbers(p, a, field);
            } else if (field.equals("counts")) {
                double[] values = numbers(p, a, field);
                counts = new long[values.length];
                for (int i = 0; i < values.length; i++) {
                    counts[i] = (long) values[i];
                }
            } else {
                p.skipChildren();
            }
        }
        if (edges == null || counts == null) {
            throw new IllegalArgumentException("\"histogram\" needs both edges and counts");
        }
        return new Histogram(edges, counts);
    }

    /** The numbers of the array {@code histogram.<field>} that starts at {@code a}. */
    private static double[] numbers(JsonParser p, JsonToken a, String field) throws IOException {
        if (a != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("\"histogram." + field + "\" must be an array");
        }
        double[] values = new double[16];
        int n = 0;
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (e == null) {
                throw new IllegalArgumentException("\"histogram." + field + "\" is not closed");
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = number(p, e, "histogram." + field);
        }
        return Arrays.copyOf(values, n);
    }

    private static String problem(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
