package io.trainscope.testkit.template;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plugin-template/} built as a plugin author outside this repository builds it, against this
 * reactor's artifacts, then loaded by the launcher: the template's tests pass, its jar holds only its
 * own classes, {@code TRAINSCOPE_PLUGINS} makes its plugins usable by name.
 *
 * <p>No {@code mvn install}: the reactor's poms and freshly jarred classes ({@code trainscope-parent},
 * {@code trainscope-bom}, {@code trainscope-plugins}, {@code framework-api}, the testkit) are laid out in
 * a temporary local repository, and a settings file mirrors every remote repository to
 * {@code ~/.m2/repository} read as a file repository: the build runs without the network, and with
 * nothing but the pinned plugin versions to fall back on; {@code ~/.m2/repository/io/trainscope} is
 * never written. Disabled unless {@code -Dtrainscope.plugin-template=true}; the launcher needs the
 * command line packaged first. As {@code .ci/run} runs it:
 *
 * <pre>
 * mvn -B -q -DskipTests package -pl framework-cli -am
 * mvn -B test -pl plugins/testkit -am -Dtest=PluginTemplateTest -Dsurefire.failIfNoSpecifiedTests=false -Dtrainscope.plugin-template=true
 * </pre>
 */
@Tag("plugin-template")
@EnabledIfSystemProperty(named = "trainscope.plugin-template", matches = "true",
        disabledReason = "builds plugin-template/ with Maven (about a minute): run with -Dtrainscope.plugin-template=true, as .ci/run does")
class PluginTemplateTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path USERS_TRAINSCOPE = Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "trainscope");

    @TempDir
    static Path work;
    private static boolean usersTrainscopeExistedBefore;
    private static Path project;
    private static Result build;
    private static Path jar;

    private record Result(int exit, String output) {
    }

    @BeforeAll
    static void buildTheTemplateAgainstTheReactorsArtifacts() throws Exception {
        assertThat(ROOT.resolve("plugin-template/pom.xml")).as("the repository root").exists();
        usersTrainscopeExistedBefore = Files.exists(USERS_TRAINSCOPE);
        Path head = Files.createDirectories(work.resolve("repository"));
        String version = version();
        install(head, "trainscope-parent", version, ROOT.resolve("pom.xml"), null);
        install(head, "trainscope-bom", version, ROOT.resolve("bom/pom.xml"), null);
        install(head, "trainscope-plugins", version, ROOT.resolve("plugins/pom.xml"), null);
        install(head, "framework-api", version, ROOT.resolve("framework-api/pom.xml"), ROOT.resolve("framework-api/target/classes"));
        install(head, "trainscope-plugin-testkit", version, ROOT.resolve("plugins/testkit/pom.xml"),
                ROOT.resolve("plugins/testkit/target/classes"));
        Path settings = Files.writeString(work.resolve("settings.xml"), "<settings><mirrors><mirror><id>users-repository</id>"
                + "<mirrorOf>*</mirrorOf><url>" + USERS_TRAINSCOPE.getParent().getParent().toUri() + "</url></mirror></mirrors></settings>");
        project = copyWithoutTarget(ROOT.resolve("plugin-template"), work.resolve("project"));
        build = run(project, Map.of(), "mvn", "-B", "-q", "-s", settings.toString(), "-Dmaven.repo.local=" + head, "package");
        try (Stream<Path> jars = Files.list(project.resolve("target"))) {
            jar = jars.filter(p -> p.toString().endsWith(".jar")).findFirst().orElse(null);
        } catch (IOException e) {
            jar = null;
        }
    }

    @Test
    void theTemplateBuildsAndItsTestsPassOfflineAgainstTheReactorsArtifacts() throws IOException {
        assertThat(build.exit()).as("mvn package of the template:%n%s", build.output()).isZero();
        List<String> reports = new ArrayList<>();
        try (Stream<Path> files = Files.list(project.resolve("target/surefire-reports"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                reports.add(Files.readString(f));
            }
        }
        assertThat(reports).hasSize(2).allSatisfy(r -> assertThat(r).containsPattern("Tests run: [1-9]\\d*, Failures: 0, "
                + "Errors: 0, Skipped: 0"));
        assertThat(String.join("", reports)).contains("LecunTanhActivationTest").contains("LecunUniformInitializerTest");
    }

    @Test
    void nothingOfTrainscopeReachedTheUsersMavenRepository() {
        if (!usersTrainscopeExistedBefore) {
            assertThat(USERS_TRAINSCOPE).doesNotExist();
        }
    }

    @Test
    void theJarHoldsThePluginClassesAndServiceFilesAndNoneOfTrainscopes() throws IOException {
        assertThat(jar).as("the template's jar").isNotNull();
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = file.stream().map(e -> e.getName()).filter(n -> !n.endsWith("/")).toList();
            assertThat(names).contains("com/example/trainscope/LecunUniformInitializer.class",
                    "com/example/trainscope/LecunTanhActivation.class",
                    "META-INF/services/io.trainscope.api.init.Initializer",
                    "META-INF/services/io.trainscope.api.activation.Activation")
                    .noneMatch(n -> n.startsWith("io/trainscope/") || n.startsWith("org/nd4j/"));
        }
    }

    @Test
    void theLauncherLoadsTheJarFromTrainscopePluginsAndListsItsPlugins() throws Exception {
        Result plugins = launcher("plugins", "--classes");
        assertThat(plugins.exit()).as(plugins.output()).isZero();
        String initializersAndActivations = plugins.output().substring(plugins.output().indexOf("initializers ("),
                plugins.output().indexOf("normalizers ("));
        assertThat(initializersAndActivations)
                .containsPattern("lecun-uniform +U\\(-b, b\\), b = gain·sqrt\\(3/fanIn\\): variance gain²/fanIn")
                .contains("class com.example.trainscope.LecunUniformInitializer from file:" + jar)
                .contains("class com.example.trainscope.LecunTanhActivation from file:" + jar);
    }

    @Test
    void aConfigUsesThePluginsByNameThroughTheLauncher() throws Exception {
        Path runs = work.resolve("runs");
        Result train = launcher("train", ROOT.resolve("plugin-template/example.yaml").toString(), "--epochs", "1", "-q",
                "-o", runs.toString());
        assertThat(train.exit()).as(train.output()).isZero();
        try (Stream<Path> folders = Files.list(runs)) {
            Path run = folders.findFirst().orElseThrow();
            assertThat(Files.readString(run.resolve("config.yaml"))).contains("lecun-tanh").contains("lecun-uniform");
            assertThat(run.resolve("run.json")).content().contains("\"completed\"");
        }
    }

    private static Result launcher(String... args) throws Exception {
        assertThat(ROOT.resolve("framework-cli/target/launcher.classpath")).as("the command line is packaged: run "
                + "mvn -B -q -DskipTests package -pl framework-cli -am first").exists();
        assertThat(jar).as("the template's jar").isNotNull();
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("trainscope").toString()));
        command.addAll(List.of(args));
        return run(ROOT, Map.of("TRAINSCOPE_PLUGINS", jar.toString()), command.toArray(String[]::new));
    }

    private static Result run(Path directory, Map<String, String> env, String... command) throws Exception {
        Path log = Files.createTempFile(work, "process", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Result(-1, String.join(" ", command) + " did not finish in 5 minutes:\n" + Files.readString(log));
        }
        System.out.printf("%s %s: exit %d after %.1f s%n", command[0], command[command.length - 1], p.exitValue(),
                (System.nanoTime() - start) / 1e9);
        return new Result(p.exitValue(), Files.readString(log));
    }

    /** What {@code mvn install} leaves in a local repository for one module: its pom as it is, and its jar. */
    private static void install(Path repository, String artifactId, String version, Path pom, Path classes) throws IOException {
        Path dir = Files.createDirectories(repository.resolve("io/trainscope").resolve(artifactId).resolve(version));
        Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"));
        if (classes != null) {
            ToolProvider jarTool = ToolProvider.findFirst("jar").orElseThrow();
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            int exit = jarTool.run(out, out, "--create", "--file", dir.resolve(artifactId + "-" + version + ".jar").toString(),
                    "-C", classes.toString(), ".");
            assertThat(exit).as("jar of " + classes).isZero();
        }
    }

    private static String version() throws IOException {
        Matcher m = Pattern.compile("<artifactId>trainscope-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(m.find()).as("the parent's version in pom.xml").isTrue();
        return m.group(1);
    }

    private static Path copyWithoutTarget(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}
