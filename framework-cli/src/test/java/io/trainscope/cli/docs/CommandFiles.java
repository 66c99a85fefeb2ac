package io.trainscope.cli.docs;

import io.trainscope.cli.docs.Markdown.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The config files the {@code ./trainscope} commands of a shell block name, less those the block writes itself. */
final class CommandFiles {

    private static final Pattern CONFIG = Pattern.compile("(?<![-\\w/.])([\\w./-]+\\.ya?ml)\\b");
    private static final Pattern WRITTEN = Pattern.compile(">\\s*([\\w./-]+)");

    private CommandFiles() {
    }

    static List<String> configsNamed(Block block) {
        List<String> written = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (String line : block.body()) {
            Matcher w = WRITTEN.matcher(line);
            while (w.find()) {
                written.add(w.group(1));
            }
            int command = line.indexOf("./trainscope ");
            if (command < 0) {
                continue;
            }
            String args = line.substring(command).replaceFirst("\\s#.*$", "");
            Matcher c = CONFIG.matcher(args);
            while (c.find()) {
                if (!written.contains(c.group(1)) && !named.contains(c.group(1))) {
                    named.add(c.group(1));
                }
            }
        }
        return named;
    }
}
