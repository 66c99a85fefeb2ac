package io.trainscope.cli.badinput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where one bad-input case makes its files: a folder of its own, and a finished tiny run
 * (shared by every case, never changed) for the commands that read run folders.
 *
 * @param dir the case's own folder
 * @param run a finished run folder of a tiny iris training
 */
record Workspace(Path dir, Path run) {

    /** A config file {@code config.yaml} with {@code yaml}; returns its path. */
    String config(String yaml) throws IOException {
        return file("config.yaml", yaml);
    }

    /** A text file (UTF-8); returns its path. */
    String file(String name, String text) throws IOException {
        return bytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A file of {@code bytes}, its folders created; returns its path. */
    String bytes(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes).toString();
    }

    /** A folder (created); returns its path. */
    String folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name)).toString();
    }

    /** The output folder for runs a case may start. */
    String output() {
        return dir.resolve("runs").toString();
    }

    /** A copy of the shared run, to damage; returns its path. */
    Path copyOfRun() throws IOException {
        Path copy = dir.resolve("run-copy");
        try (Stream<Path> files = Files.walk(run)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(run.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    /** An experiment config that trains iris for {@code training} with {@code model}, and nothing else. */
    static String iris(String model, String training) {
        return "name: bad\ndata: iris\nmodel: " + model + "\ntraining: " + training + "\nmonitors: []\n";
    }

    /** A config reading the IDX files of folder {@code idx} of the case, with {@code extra} data keys. */
    static String idx(String extra) {
        return "name: bad\ndata: {source: idx, path: idx" + extra + "}\nmodel: {hidden: [4]}\n"
                + "training: {epochs: 1, batch-size: 2}\nmonitors: []\n";
    }
}
