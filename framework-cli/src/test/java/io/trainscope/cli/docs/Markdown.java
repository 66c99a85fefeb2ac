package io.trainscope.cli.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown page cut into what the documentation tests read: fenced code blocks, each with the
 * markers written as HTML comments on the lines right above its opening fence
 * ({@code <!-- fragment: model -->}, {@code <!-- file: big.yaml; size: 5000000 -->}: key-value pairs
 * separated by ';', except that a {@code not ...: REASON} marker is one reason), the lines
 * between blocks, and tables.
 *
 * @param name   the page's path relative to the repository, for messages
 * @param lines  the page's lines
 * @param blocks its fenced code blocks, in order
 */
record Markdown(String name, List<String> lines, List<Markdown.Block> blocks) {

    private static final Pattern FENCE = Pattern.compile("^```\\s*([\\w-]*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^<!--(.*)-->\\s*$");

    /**
     * A fenced block.
     *
     * @param page     the page's name
     * @param line     the line of its opening fence, from 1
     * @param end      the line of its closing fence
     * @param language the info string ({@code yaml}, {@code bash}; empty for none)
     * @param body     the lines between the fences
     * @param markers  the markers above it: key to value (empty for a marker without a value)
     */
    record Block(String page, int line, int end, String language, List<String> body, Map<String, String> markers) {

        /** The body as text, each line ending with a newline. */
        String text() {
            StringBuilder text = new StringBuilder();
            body.forEach(l -> text.append(l).append('\n'));
            return text.toString();
        }

        /** Where the block is, as {@code docs/config.md:42}. */
        String where() {
            return page + ":" + line;
        }

        boolean has(String marker) {
            return markers.containsKey(marker);
        }
    }

    /** Reads a page; {@code name} is how messages call it. */
    static Markdown read(Path file, String name) {
        try {
            return parse(name, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses page text. An unclosed fence is an error, since everything after it would be lost. */
    static Markdown parse(String name, String text) {
        List<String> lines = text.lines().toList();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int close = i + 1;
            while (close < lines.size() && !lines.get(close).strip().equals("```")) {
                close++;
            }
            if (close == lines.size()) {
                throw new IllegalStateException(name + ":" + (i + 1) + ": a code block that is never closed");
            }
            blocks.add(new Block(name, i + 1, close + 1, open.group(1), lines.subList(i + 1, close),
                    markersAbove(lines, i, name)));
            i = close;
        }
        return new Markdown(name, lines, blocks);
    }

    /** The block after {@code block} when only blank lines separate them, else null. */
    Block following(Block block) {
        int index = blocks.indexOf(block);
        if (index + 1 >= blocks.size()) {
            return null;
        }
        Block next = blocks.get(index + 1);
        for (int l = block.end(); l < next.line() - 1; l++) {
            if (!lines.get(l).isBlank()) {
                return null;
            }
        }
        return next;
    }

    /** Tables whose header row is exactly {@code header} (cells trimmed), as rows of cells, header excluded. */
    List<List<String>> tables(List<String> header) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (!cells(lines.get(i)).equals(header)) {
                continue;
            }
            for (int r = i + 2; r < lines.size() && lines.get(r).startsWith("|"); r++) {
                rows.add(cells(lines.get(r)));
            }
        }
        return rows;
    }

    static List<String> cells(String row) {
        if (!row.startsWith("|")) {
            return List.of();
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length() && row.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }

    private static Map<String, String> markersAbove(List<String> lines, int fence, String name) {
        Map<String, String> markers = new LinkedHashMap<>();
        for (int l = fence - 1; l >= 0; l--) {
            Matcher m = MARKER.matcher(lines.get(l).strip());
            if (!m.matches()) {
                break;
            }
            String comment = m.group(1).strip();
            // a reason is free text and may hold ';'
            String[] parts = comment.startsWith("not ") ? new String[]{comment} : comment.split(";");
            for (String part : parts) {
                String[] kv = part.split(":", 2);
                String key = kv[0].strip();
                if (key.isEmpty() || markers.containsKey(key)) {
                    throw new IllegalStateException(name + ":" + (l + 1) + ": marker '" + part.strip()
                            + "' is empty or given twice");
                }
                markers.put(key, kv.length == 2 ? kv[1].strip() : "");
            }
        }
        return markers;
    }
}
