package io.trainscope.cli.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository the tests run in, and its documentation pages: {@code README.md} and {@code docs/*.md}. */
final class Repository {

    private Repository() {
    }

    /** The repository's root: the first directory up from the working directory with a README.md and docs/. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))
                    && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (README.md, docs/, pom.xml) above " + Path.of("").toAbsolutePath());
    }

    /** Every documentation page, README first, then docs/ in name order. */
    static List<Markdown> pages() {
        Path root = root();
        List<Markdown> pages = new ArrayList<>();
        pages.add(Markdown.read(root.resolve("README.md"), "README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted()
                    .forEach(p -> pages.add(Markdown.read(p, "docs/" + p.getFileName())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }
}
