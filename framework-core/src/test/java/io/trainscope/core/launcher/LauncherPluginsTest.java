package io.trainscope.core.launcher;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher names a {@code TRAINSCOPE_PLUGINS} entry it cannot use instead of ignoring it. It
 * checks the entries before it builds anything, so these cases run the script without a build.
 */
class LauncherPluginsTest {

    private static final Path LAUNCHER = Path.of("..", "trainscope").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTheLauncherAndBash() {
        assumeTrue(Files.isExecutable(LAUNCHER), "the launcher " + LAUNCHER + " is not here");
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "bash is needed to run the launcher");
    }

    /** Runs {@code trainscope --version} with the given TRAINSCOPE_PLUGINS; exit status and standard error. */
    private static String[] run(String plugins) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", LAUNCHER.toString(), "--version");
        pb.environment().put("TRAINSCOPE_PLUGINS", plugins);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
        return new String[]{String.valueOf(p.exitValue()), err};
    }

    @Test
    void namesAnEntryThatDoesNotExist() throws Exception {
        Path missing = dir.resolve("no-such-plugin.jar");
        assertThat(run(missing.toString())).containsExactly("2", "trainscope: error: TRAINSCOPE_PLUGINS entry '"
                + missing + "' does not exist; list plugin jars or folders of jars, separated by ':'\n");
    }

    @Test
    void namesAFolderWithoutJars() throws Exception {
        Files.writeString(dir.resolve("README.txt"), "no jars here");
        assertThat(run(dir.toString())).containsExactly("2", "trainscope: error: TRAINSCOPE_PLUGINS entry '" + dir
                + "' is a folder with no .jar file in it; put the plugin jars there or remove the entry\n");
    }

    @Test
    void namesAFileThatIsNotAJar() throws Exception {
        Path text = Files.writeString(dir.resolve("plugin.txt"), "not a jar");
        assertThat(run(text.toString())).containsExactly("2", "trainscope: error: TRAINSCOPE_PLUGINS entry '" + text
                + "' is not a .jar file; list plugin jars or folders of jars, separated by ':'\n");
    }

    @Test
    void namesTheBadEntryAmongGoodOnes() throws Exception {
        Path jar = Files.write(dir.resolve("good.jar"), new byte[0]);
        Path missing = dir.resolve("typo");
        assertThat(run(jar + ":" + missing)[1]).isEqualTo("trainscope: error: TRAINSCOPE_PLUGINS entry '" + missing
                + "' does not exist; list plugin jars or folders of jars, separated by ':'\n");
    }
}
