package io.trainscope.cli.docs;

import io.trainscope.cli.docs.Markdown.Block;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The convention that makes the documentation testable (described in docs/architecture.md,
 * "Documentation that is tested"), read from the pages' fenced blocks:
 *
 * <ul>
 *   <li>a {@code yaml} block is a complete config, unless a {@code <!-- fragment: KEYS -->} marker
 *       says it gives only those top-level keys; the test then adds {@link #BASE}'s other keys;</li>
 *   <li>a block right after a {@code yaml} block (blank lines between at most) that holds one
 *       {@code trainscope: error: ...} line, optionally after a {@code $ ./trainscope ARGS} line, is
 *       that config's error: the yaml is saved as a file and the command must print exactly that
 *       line and exit with status 2;</li>
 *   <li>a block of {@code $ ./trainscope ARGS} lines each followed by its error line (no config
 *       before it) is run command by command;</li>
 *   <li>{@code ...} in an error line stands for text the page leaves out;</li>
 *   <li>any other block with a {@code trainscope: error:} line must say why it is not run
 *       ({@code <!-- not run: REASON -->});</li>
 *   <li>{@code file: PATH} names the file a yaml block is saved as (relative to the repository for a
 *       config, so that relative paths resolve as they would there); {@code encoding: CHARSET} and
 *       {@code size: BYTES} (padded with a trailing comment) say how it is written; {@code not loaded:
 *       REASON} resolves a config without loading its data;</li>
 *   <li>{@code <!-- source: PATH -->} on a code block: its lines appear, in order, in that file of the
 *       repository (leading and trailing blanks aside).</li>
 * </ul>
 */
final class DocExamples {

    /** The config a fragment completes: the keys it does not give itself. */
    static final Map<String, String> BASE = baseConfig();

    static final Set<String> MARKERS = Set.of("fragment", "file", "encoding", "size", "not loaded", "not run",
            "source");

    static final String ERROR = "trainscope: error: ";

    private static final Pattern TOP_KEY = Pattern.compile("^([A-Za-z][\\w-]*)\\s*:");

    private DocExamples() {
    }

    /**
     * A config and the error it gives.
     *
     * @param config   the yaml block
     * @param output   the block with the command and the error line
     * @param args     the command's arguments after {@code ./trainscope}
     * @param fileName the name the config is saved under
     * @param expected the error line
     */
    record ErrorExample(Block config, Block output, List<String> args, String fileName, String expected) {
    }

    /** The yaml blocks that are configs to resolve (not errors, not marked as not run). */
    static List<Block> configs(Markdown page) {
        List<Block> configs = new ArrayList<>();
        for (Block b : page.blocks()) {
            if (b.language().equals("yaml") && !b.has("not run") && errorAfter(page, b) == null) {
                configs.add(b);
            }
        }
        return configs;
    }

    /** Every error example of a page: a yaml block with the error block that follows it. */
    static List<ErrorExample> errors(Markdown page) {
        List<ErrorExample> errors = new ArrayList<>();
        for (Block b : page.blocks()) {
            Block output = b.language().equals("yaml") && !b.has("not run") ? errorAfter(page, b) : null;
            if (output != null) {
                errors.add(errorExample(b, output));
            }
        }
        return errors;
    }

    /**
     * A command shown with the error it gives, with no config to save: a block of
     * {@code $ ./trainscope ARGS} lines, each followed by its {@code trainscope: error:} line.
     *
     * @param block    the block
     * @param args     the arguments after {@code ./trainscope}
     * @param expected the error line
     */
    record CommandError(Block block, List<String> args, String expected) {
    }

    /** The commands a page shows with their errors, in blocks that hold nothing else and follow no config. */
    static List<CommandError> commandErrors(Markdown page) {
        Set<Block> paired = new LinkedHashSet<>();
        errors(page).forEach(e -> paired.add(e.output()));
        List<CommandError> commands = new ArrayList<>();
        for (Block b : page.blocks()) {
            List<String> body = b.body();
            if (paired.contains(b) || b.has("not run") || body.isEmpty() || body.size() % 2 != 0) {
                continue;
            }
            List<CommandError> found = new ArrayList<>();
            for (int i = 0; i + 1 < body.size() && body.get(i).startsWith("$ ./trainscope ")
                    && body.get(i + 1).startsWith(ERROR); i += 2) {
                found.add(new CommandError(b, List.of(body.get(i).substring("$ ./trainscope ".length()).strip()
                        .split("\\s+")), body.get(i + 1)));
            }
            if (found.size() * 2 == body.size()) {
                commands.addAll(found);
            }
        }
        return commands;
    }

    /**
     * What standard error must be for a documented error line: exactly that line, where each
     * {@code ...} stands for text the page leaves out.
     */
    static String expected(String line) {
        StringBuilder regex = new StringBuilder("(?s)");
        String[] parts = line.split("\\.\\.\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : "[^\\n]*").append(Pattern.quote(parts[i]));
        }
        return regex.append(Pattern.quote(System.lineSeparator())).toString();
    }

    /** Blocks that show an error line without the config that produces it and without a reason. */
    static List<Block> unpairedErrors(Markdown page) {
        Set<Block> paired = new LinkedHashSet<>();
        errors(page).forEach(e -> paired.add(e.output()));
        commandErrors(page).forEach(e -> paired.add(e.block()));
        List<Block> unpaired = new ArrayList<>();
        for (Block b : page.blocks()) {
            boolean showsError = b.body().stream().anyMatch(l -> l.startsWith(ERROR));
            if (showsError && !paired.contains(b) && !b.has("not run")) {
                unpaired.add(b);
            }
        }
        return unpaired;
    }

    /** Markers no test knows (a typo would otherwise switch a check off silently). */
    static List<String> unknownMarkers(Markdown page) {
        List<String> unknown = new ArrayList<>();
        for (Block b : page.blocks()) {
            b.markers().keySet().stream().filter(m -> !MARKERS.contains(m)).forEach(m -> unknown.add(b.where() + ": " + m));
            if (b.has("not run") && b.markers().get("not run").isBlank()) {
                unknown.add(b.where() + ": 'not run' needs a reason");
            }
        }
        return unknown;
    }

    /** A config block's text as the test parses it: the block itself, or a fragment completed by {@link #BASE}. */
    static String configText(Block block) {
        if (!block.has("fragment")) {
            return block.text();
        }
        Set<String> declared = new LinkedHashSet<>(Arrays.stream(block.markers().get("fragment").split(","))
                .map(String::strip).toList());
        Set<String> given = topLevelKeys(block);
        if (!given.equals(declared)) {
            throw new AssertionError(block.where() + ": the fragment gives the top-level keys " + given
                    + " but its marker says " + declared);
        }
        StringBuilder text = new StringBuilder(block.text());
        BASE.forEach((key, line) -> {
            if (!given.contains(key)) {
                text.append(line).append('\n');
            }
        });
        return text.toString();
    }

    /** The bytes of a block saved as a file, in its {@code encoding} and padded to its {@code size}. */
    static byte[] fileBytes(Block block) {
        Charset charset = block.has("encoding") ? Charset.forName(block.markers().get("encoding")) : StandardCharsets.UTF_8;
        String text = block.text();
        if (block.has("size")) {
            int size = Integer.parseInt(block.markers().get("size"));
            int length = text.getBytes(charset).length;
            if (length + 2 > size) {
                throw new AssertionError(block.where() + ": the text is longer than its size marker");
            }
            text = text + "#" + " ".repeat(size - length - 2) + "\n";
        }
        return text.getBytes(charset);
    }

    /** The column-0 keys of a yaml block. */
    static Set<String> topLevelKeys(Block block) {
        Set<String> keys = new LinkedHashSet<>();
        for (String line : block.body()) {
            Matcher m = TOP_KEY.matcher(line);
            if (m.find()) {
                keys.add(m.group(1));
            }
        }
        return keys;
    }

    private static Block errorAfter(Markdown page, Block yaml) {
        Block next = page.following(yaml);
        if (next == null || next.language().equals("yaml")) {
            return null;
        }
        List<String> body = next.body();
        boolean command = !body.isEmpty() && body.get(0).startsWith("$ ./trainscope ");
        int errorLine = command ? 1 : 0;
        return body.size() == errorLine + 1 && body.get(errorLine).startsWith(ERROR) ? next : null;
    }

    private static ErrorExample errorExample(Block config, Block output) {
        List<String> body = output.body();
        boolean command = body.get(0).startsWith("$ ");
        List<String> args = command
                ? List.of(body.get(0).substring("$ ./trainscope ".length()).strip().split("\\s+"))
                : null;
        String named = args == null ? null
                : args.stream().filter(a -> a.matches("[^-].*\\.(ya?ml|json)")).findFirst().orElse(null);
        String file = config.markers().getOrDefault("file", named == null ? "bad.yaml" : named);
        if (named != null && !named.equals(file)) {
            throw new AssertionError(output.where() + ": the command names " + named + " but the config is saved as " + file);
        }
        if (config.has("fragment")) {
            throw new AssertionError(config.where() + ": an error example is run as a file, so it is a whole file, "
                    + "not a fragment");
        }
        return new ErrorExample(config, output, args == null ? List.of("train", file) : args, file,
                body.get(body.size() - 1));
    }

    private static Map<String, String> baseConfig() {
        Map<String, String> base = new LinkedHashMap<>();
        base.put("data", "data: iris");
        base.put("model", "model: {}");
        return base;
    }
}
