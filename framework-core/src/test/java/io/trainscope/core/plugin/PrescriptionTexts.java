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
 *       call, and every string literal of a {@code Phrases} class (the wording monitors share for
 *       prescriptions);</li>
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

    /** The prescriptions of every {@code .java} file under {@code root}. */
    static List<PrescriptionTexts> fromJavaSources(Path root) {
        List<PrescriptionTexts> found = new ArrayList<>();
        for (Path file : files(root, ".java")) {
            String source = read(file);
            if (file.getFileName().toString().equals("Phrases.java")) {
                found.add(new PrescriptionTexts(file.toString(), literals(source)));
            }
            int at = source.indexOf(".prescription(");
            while (at >= 0) {
                int open = at + ".prescription".length();
                found.add(new PrescriptionTexts(file + ":" + line(source, at), literals(argument(source, open))));
                at = source.indexOf(".prescription(", open);
            }
        }
        return found;
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
