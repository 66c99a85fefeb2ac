package io.trainscope.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** What an example printed, with the few readers its checks need: sections, lines, the numbers in a line. */
public record Printed(String text) {

    private static final Pattern NUMBER = Pattern.compile("-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|NaN");

    /** The lines from the first one that starts with {@code title} up to the next blank line. */
    public List<String> section(String title) {
        List<String> lines = Arrays.asList(text.split("\\R"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(title)) {
                List<String> out = new ArrayList<>();
                for (int j = i; j < lines.size() && !lines.get(j).isBlank(); j++) {
                    out.add(lines.get(j));
                }
                return out;
            }
        }
        return fail("no section '" + title + "' in what the example printed:\n" + text);
    }

    /** The line of {@code section} whose text after its leading spaces starts with {@code start}. */
    public static String line(List<String> section, String start) {
        return section.stream().filter(l -> l.strip().startsWith(start)).findFirst()
                .orElseGet(() -> fail("no line starting with '" + start + "' in " + String.join("\n", section)));
    }

    /** The first line of the whole text that contains {@code part}. */
    public String lineWith(String part) {
        return text.lines().filter(l -> l.contains(part)).findFirst()
                .orElseGet(() -> fail("no line with '" + part + "' in what the example printed:\n" + text));
    }

    /** Every number in {@code line} after {@code after} (the whole line when absent), in order. */
    public static List<Double> numbers(String line, String after) {
        int at = line.indexOf(after);
        Matcher m = NUMBER.matcher(at < 0 ? line : line.substring(at + after.length()));
        List<Double> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group().equals("NaN") ? Double.NaN : Double.parseDouble(m.group()));
        }
        return out;
    }

    /** The folder named after {@code prefix} on the first line that has it, which must exist. */
    public Path folder(String prefix) {
        String rest = lineWith(prefix).substring(lineWith(prefix).indexOf(prefix) + prefix.length()).strip();
        Path p = Path.of(rest.split(" ")[0]);
        assertThat(p).as(prefix + " " + p).isDirectory();
        return p;
    }
}
