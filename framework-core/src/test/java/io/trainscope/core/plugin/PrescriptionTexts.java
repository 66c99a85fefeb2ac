package io.trainscope.core.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The prescription texts of the repository, where findings and documents tell the user what to
 * change:
 * <ul>
 *   <li>in Java sources: the string literals inside the argument of every {@code .prescription(...)}
 *       call and every {@code new Prescription(...)} (the wording monitors share), with each remedy
 *       placeholder {@code {i}} replaced by the name of the call's i-th {@code Remedy};</li>
 *   <li>in Markdown: the rest of the paragraph or list item after {@code Prescription:} (or
 *       {@code "prescription" :} in a JSON example), and the rest of the line after {@code fix:}
 *       (a finding as the terminal prints it).</li>
 * </ul>
 *
 * @param where a file and line, for messages
 * @param text  the prescription text
 */
record PrescriptionTexts(String where, String text) {

    private static final Pattern DOC_START = Pattern.compile("(?i)(prescription\"?\\s*:|\\bfix:)");
    private static final Pattern CASE_LABEL = Pattern.compile("case\\s+\"[^\"]*\"(\\s*,\\s*\"[^\"]*\")*\\s*->");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern REMEDY = Pattern.compile("Remedy\\.(initializer|activation|normalizer)\\(\"([^\"]*)\"\\)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** The calls whose argument is a prescription: a finding's, and the shared wording's. */
    private static final List<String> CALLS = List.of(".prescription(", "new Prescription(");

    /** The prescriptions of every {@code .java} file under {@code root}. */
    static List<PrescriptionTexts> fromJavaSources(Path root) {
        List<PrescriptionTexts> found = new ArrayList<>();
        for (Path file : files(root, ".java")) {
            String source = read(file);
            for (String call : CALLS) {
                int at = source.indexOf(call);
                while (at >= 0) {
                    int open = at + call.length() - 1;
                    found.add(new PrescriptionTexts(file + ":" + line(source, at), rendered(argument(source, open))));
                    at = source.indexOf(call, open);
                }
            }
        }
        return found;
    }

    /** Every remedy a source names, as {@code file:line family name} with the family of the factory method. */
    static List<String[]> remedies(Path root) {
        List<String[]> found = new ArrayList<>();
        for (Path file : files(root, ".java")) {
            String source = read(file);
            Matcher m = REMEDY.matcher(source);
            while (m.find()) {
                found.add(new String[]{file + ":" + line(source, m.start()), m.group(1), m.group(2)});
            }
        }
        return found;
    }

    /**
     * A prescription's text as a config reads it: its string literals, with each placeholder
     * {@code {i}} replaced by the plugin name of the i-th {@code Remedy.x("name")} of the call.
     */
    private static String rendered(String argument) {
        List<String> remedies = new ArrayList<>();
        Matcher m = REMEDY.matcher(argument);
        while (m.find()) {
            remedies.add(m.group(2));
        }
        String text = literals(REMEDY.matcher(argument).replaceAll(""));
        Matcher p = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (p.find()) {
            int i = Integer.parseInt(p.group(1));
            p.appendReplacement(out, Matcher.quoteReplacement(i < remedies.size() ? remedies.get(i) : p.group()));
        }
        p.appendTail(out);
        return out.toString();
    }

    /** The prescriptions of Markdown {@code files}. */
    static List<PrescriptionTexts> fromMarkdown(List<Path> files) {
        List<PrescriptionTexts> found = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = List.of(read(file).split("\n", -1));
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = DOC_START.matcher(lines.get(i));
                if (m.find()) {
                    boolean printedFinding = m.group(1).equalsIgnoreCase("fix:");
                    String text = printedFinding ? lines.get(i).substring(m.end()) : paragraph(lines, i, m.end());
                    found.add(new PrescriptionTexts(file + ":" + (i + 1), text));
                }
            }
        }
        return found;
    }

    /** From {@code column} of line {@code first} to the end of its paragraph or list item. */
    private static String paragraph(List<String> lines, int first, int column) {
        StringBuilder text = new StringBuilder(lines.get(first).substring(column));
        for (int i = first + 1; i < lines.size(); i++) {
            String next = lines.get(i).strip();
            if (next.isEmpty() || next.startsWith("- ") || next.startsWith("|") || next.startsWith("#")
                    || next.startsWith("```")) {
                break;
            }
            text.append(' ').append(next);
        }
        return text.toString();
    }

    /** The source text of the call argument whose opening parenthesis is at {@code open}. */
    private static String argument(String source, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return source.substring(open + 1, i);
            }
        }
        throw new IllegalStateException("unbalanced .prescription( call");
    }

    /** The string literals of a piece of Java source, joined by spaces; {@code case "..." ->} labels are not text. */
    private static String literals(String source) {
        StringBuilder text = new StringBuilder();
        Matcher m = LITERAL.matcher(CASE_LABEL.matcher(source).replaceAll(""));
        while (m.find()) {
            text.append(m.group(1)).append(' ');
        }
        return text.toString();
    }

    private static int line(String source, int at) {
        return (int) source.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
