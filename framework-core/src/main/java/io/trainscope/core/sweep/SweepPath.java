package io.trainscope.core.sweep;

import io.trainscope.core.config.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path into a config as a sweep names it: dotted keys, each optionally followed by list
 * indices, as config errors print them ({@code model.activation}, {@code training.optimizer.learning-rate},
 * {@code model.hidden[1]}).
 *
 * @param text     the path as written
 * @param segments the keys (as {@link String}) and list indices (as {@link Integer}), in order
 */
public record SweepPath(String text, List<Object> segments) {

    private static final Pattern PART = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_-]*)((?:\\[\\d{1,6}])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d{1,6})]");

    public SweepPath {
        segments = List.copyOf(segments);
    }

    /**
     * Parses a path.
     *
     * @throws ConfigException at {@code sweep} when the text is not a path
     */
    public static SweepPath parse(String text) {
        List<Object> segments = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            Matcher m = PART.matcher(part);
            if (!m.matches()) {
                throw new ConfigException(Sweeps.SECTION, "'" + text + "' is not a config path; write dotted keys with "
                        + "optional list indices, such as model.activation or model.hidden[1]");
            }
            segments.add(m.group(1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                segments.add(Integer.parseInt(index.group(1)));
            }
        }
        return new SweepPath(text, segments);
    }

    /** The path of the first {@code n} segments, written as config errors write paths. */
    public String prefix(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Object s = segments.get(i);
            if (s instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(s);
            }
        }
        return sb.toString();
    }

    /** Whether a config path (as an error names it) lies on this path: equal, above it, or below it. */
    public boolean relatedTo(String configPath) {
        if (configPath == null || configPath.isEmpty()) {
            return false;
        }
        return configPath.equals(text) || startsWithPath(configPath, text) || startsWithPath(text, configPath);
    }

    private static boolean startsWithPath(String path, String prefix) {
        return path.startsWith(prefix) && (path.charAt(prefix.length()) == '.' || path.charAt(prefix.length()) == '[');
    }

    @Override
    public String toString() {
        return text;
    }
}
