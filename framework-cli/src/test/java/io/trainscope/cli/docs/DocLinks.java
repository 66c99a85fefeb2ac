package io.trainscope.cli.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative links of a page (outside code blocks and code spans): each must name a file inside the repository,
 * and a {@code #anchor} must name a heading of the target page, as GitHub derives anchors.
 */
final class DocLinks {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");
    /** An inline code span: GitHub shows a link inside one as text, so it is not checked. */
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

    private DocLinks() {
    }

    /** What is wrong with the page's links, one line each. */
    static List<String> broken(Markdown page, Path root) {
        Path pageFile = root.resolve(page.name());
        Set<Integer> code = codeLines(page);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < page.lines().size(); i++) {
            if (code.contains(i + 1)) {
                continue;
            }
            Matcher m = LINK.matcher(CODE_SPAN.matcher(page.lines().get(i)).replaceAll(s -> " ".repeat(s.group().length())));
            while (m.find()) {
                String problem = check(m.group(1), pageFile, root);
                if (problem != null) {
                    problems.add(page.name() + ":" + (i + 1) + ": " + m.group(1) + ": " + problem);
                }
            }
        }
        return problems;
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String anchor(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static String check(String target, Path pageFile, Path root) {
        if (target.matches("[a-z]+:.*")) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path file = path.isEmpty() ? pageFile : pageFile.getParent().resolve(path).normalize();
        if (!file.startsWith(root)) {
            return "points outside the repository";
        }
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (hash >= 0 && !anchors(file).contains(target.substring(hash + 1))) {
            return "no heading with this anchor in " + root.relativize(file);
        }
        return null;
    }

    private static Set<String> anchors(Path markdown) {
        Markdown page = Markdown.read(markdown, markdown.toString());
        Set<Integer> code = codeLines(page);
        Set<String> anchors = new HashSet<>();
        for (int i = 0; i < page.lines().size(); i++) {
            Matcher m = HEADING.matcher(page.lines().get(i));
            if (!code.contains(i + 1) && m.matches()) {
                String base = anchor(m.group(1));
                String unique = base;
                for (int n = 1; !anchors.add(unique); n++) {
                    unique = base + "-" + n;
                }
            }
        }
        return anchors;
    }

    private static Set<Integer> codeLines(Markdown page) {
        Set<Integer> lines = new HashSet<>();
        for (Markdown.Block b : page.blocks()) {
            for (int l = b.line(); l <= b.end(); l++) {
                lines.add(l);
            }
        }
        return lines;
    }
}
