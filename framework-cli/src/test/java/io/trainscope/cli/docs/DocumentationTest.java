package io.trainscope.cli.docs;

import io.trainscope.cli.CliRun;
import io.trainscope.cli.TrainscopeCli;
import io.trainscope.cli.docs.DocExamples.CommandError;
import io.trainscope.cli.docs.DocExamples.ErrorExample;
import io.trainscope.cli.docs.Markdown.Block;
import io.trainscope.core.Trainscope;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.config.ExperimentSpec;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.sweep.SweepPlan;
import io.trainscope.core.sweep.Sweeps;
import io.trainscope.core.training.RunOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Runs what README.md and docs/*.md show, so that a doc that drifts from the code fails the build:
 * every config resolves (and its data loads), every error example prints its documented line with
 * exit status 2 when its config is saved as a file, the commands shown with output give that output,
 * every link points at a file and heading inside the repository, and the README lists every page
 * of docs/ and every command. The convention is
 * {@link DocExamples}'s, described in docs/architecture.md ("Documentation that is tested").
 */
class DocumentationTest {

    private static final Path ROOT = Repository.root();
    private static final List<Markdown> PAGES = Repository.pages();
    private static Trainscope trainscope;

    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicTest> everyConfigResolvesAndItsDataLoads() {
        return PAGES.stream().flatMap(page -> DocExamples.configs(page).stream())
                .map(b -> DynamicTest.dynamicTest(b.where(), () -> {
                    try {
                        resolveAndLoad(b);
                    } catch (TestAbortedException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw new AssertionError(b.where() + ": " + e.getMessage(), e);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyErrorExampleIsTheLineItsConfigGives() {
        return PAGES.stream().flatMap(page -> DocExamples.errors(page).stream())
                .map(e -> DynamicTest.dynamicTest(e.output().where(), () -> runError(e)));
    }

    @TestFactory
    Stream<DynamicTest> everyCommandShownWithItsErrorGivesThatError() {
        return PAGES.stream().flatMap(page -> DocExamples.commandErrors(page).stream())
                .map(e -> DynamicTest.dynamicTest(e.block().where() + " " + e.args(), () -> runCommand(e)));
    }

    @Test
    void everyErrorShownIsPairedWithItsConfigOrSaysWhyNot() {
        List<String> unpaired = PAGES.stream().flatMap(p -> DocExamples.unpairedErrors(p).stream()).map(Block::where).toList();
        assertThat(unpaired).as("blocks with a 'trainscope: error:' line but no yaml block right before them "
                + "(the config that gives it) and no <!-- not run: REASON --> marker").isEmpty();
    }

    @Test
    void everyMarkerIsOneTheTestsKnow() {
        assertThat(PAGES.stream().flatMap(p -> DocExamples.unknownMarkers(p).stream()).toList()).isEmpty();
    }

    @Test
    void everyLinkPointsAtAFileAndHeadingInsideTheRepository() {
        assertThat(PAGES.stream().flatMap(p -> DocLinks.broken(p, ROOT).stream()).toList()).isEmpty();
    }

    @Test
    void theReadmesDocumentationSectionListsEveryPageOfDocs() {
        List<String> section = PAGES.get(0).lines().stream().dropWhile(l -> !l.equals("## Documentation")).skip(1)
                .takeWhile(l -> !l.startsWith("## ")).toList();
        List<String> pages = PAGES.stream().map(Markdown::name).filter(n -> n.startsWith("docs/")).toList();
        assertThat(pages).as("docs/*.md without a '- [docs/NAME.md](docs/NAME.md): ...' line in README's Documentation section")
                .allMatch(n -> section.stream().anyMatch(l -> l.startsWith("- [" + n + "](" + n + ")")));
    }

    @Test
    void theReadmesCommandTableHasARowForEveryCommand() {
        List<String> rows = PAGES.get(0).tables(List.of("command", "what it does")).stream()
                .map(r -> r.get(0).replaceFirst("^`([\\w-]+).*", "$1")).toList();
        List<String> commands = TrainscopeCli.commandLine().getSubcommands().keySet().stream()
                .filter(c -> !c.equals("help")).toList();
        assertThat(rows).as("the commands in README's table (section Commands)").containsExactlyInAnyOrderElementsOf(commands);
    }

    @Test
    void noPageCitesAPathOfTheDevelopmentMachine() {
        List<String> cited = new ArrayList<>();
        for (Markdown page : PAGES) {
            for (int i = 0; i < page.lines().size(); i++) {
                if (page.lines().get(i).contains("/work/")) {
                    cited.add(page.name() + ":" + (i + 1));
                }
            }
        }
        assertThat(cited).as("lines naming /work/...: put the content or a link inside the repository").isEmpty();
    }

    @Test
    void everyTestAndMethodThePagesNameExists() {
        assertThat(PAGES.stream().flatMap(p -> CodeNames.missing(p, ROOT).stream()).toList())
                .as("tests, and methods of the repository's classes, named in the docs but not in the code").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everySnippetWithASourceIsInThatFile() {
        return PAGES.stream().flatMap(p -> p.blocks().stream()).filter(b -> b.has("source"))
                .map(b -> DynamicTest.dynamicTest(b.where(), () -> {
                    Path source = ROOT.resolve(b.markers().get("source"));
                    assertThat(source).as("%s's source", b.where()).isRegularFile();
                    List<String> lines = Files.readAllLines(source).stream().map(String::strip).toList();
                    assertThat(lines).as("%s, line by line, in %s", b.where(), source)
                            .containsSubsequence(b.body().stream().map(String::strip).toList());
                }));
    }

    @Test
    void everyTableOfAPluginsParametersListsItsDeclaredParametersAndDefaults() {
        assertThat(PAGES.stream().flatMap(p -> ParameterTables.wrong(p, trainscope().plugins()).stream()).toList())
                .isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyUsageShownIsTheCommandsHelp() {
        return PAGES.stream().flatMap(p -> p.blocks().stream())
                .filter(b -> !b.body().isEmpty() && b.body().get(0).startsWith("Usage: trainscope "))
                .map(b -> DynamicTest.dynamicTest(b.where(), () -> {
                    String command = b.body().get(0).substring("Usage: trainscope ".length()).split(" ")[0];
                    List<String> help = CliRun.of(command, "--help").out().lines().toList();
                    assertThat(help).as("'trainscope %s --help'", command).startsWith(b.body().toArray(String[]::new));
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyTableOfStandardPluginsListsExactlyWhatPluginsLists() {
        StandardPlugins listed = StandardPlugins.fromCli();
        return PAGES.stream().flatMap(page -> page.tables(List.of("family", "names")).stream()
                .map(row -> DynamicTest.dynamicTest(page.name() + ": " + row.get(0), () ->
                        assertThat(StandardPlugins.namesIn(row.get(1))).as("%s in %s", row.get(0), page.name())
                                .containsExactlyInAnyOrderElementsOf(listed.names(row.get(0))))));
    }

    @TestFactory
    Stream<DynamicTest> everyConfigFileACommandNamesResolves() {
        return PAGES.stream().flatMap(p -> p.blocks().stream()).filter(b -> b.language().equals("bash"))
                .flatMap(b -> CommandFiles.configsNamed(b).stream()
                        .map(file -> DynamicTest.dynamicTest(b.where() + " " + file, () -> {
                            Path config = ROOT.resolve(file);
                            assertThat(config).as("%s names %s", b.where(), file).isRegularFile();
                            String stem = config.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
                            resolve(Files.readString(config), stem, config.toString(), config.getParent());
                        })));
    }

    private static void resolveAndLoad(Block block) {
        String file = block.markers().getOrDefault("file", "config.yaml");
        Path directory = ROOT.resolve(file).getParent();
        String stem = Path.of(file).getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        ResolvedExperiment experiment = resolve(DocExamples.configText(block), stem, block.where(), directory);
        ExperimentSpec spec = experiment.spec();
        if (block.has("not loaded")) {
            return;
        }
        Object path = spec.data().source().params().get("path");
        if (path instanceof String p) {
            Path data = spec.data().baseDirectory().resolve(p).normalize();
            if (!Files.exists(data) && data.toString().contains("shared" + File.separator + "datasets")) {
                abort("resolved; data not loaded: " + data + " is not beside this checkout");
            }
        }
        assertThat(trainscope().trainer().prepare(experiment, RunOptions.defaults()).trainingExamples()).isPositive();
    }

    /** A config, or the first run of a sweep (every run of which is resolved). */
    private static ResolvedExperiment resolve(String text, String name, String origin, Path directory) {
        Optional<SweepPlan> sweep = trainscope().get(Sweeps.class).plan(text, name, origin, directory, Map.of());
        if (sweep.isPresent()) {
            assertThat(sweep.get().runs()).as("%s's sweep", origin).isNotEmpty();
            return sweep.get().runs().get(0).experiment();
        }
        return trainscope().resolve(new ConfigLoader().parse(text, name, origin, directory));
    }

    private static void runCommand(CommandError example) {
        CliRun run = CliRun.of(example.args().toArray(String[]::new));
        assertThat(run.err()).as("standard error of 'trainscope %s' (%s)", String.join(" ", example.args()),
                example.block().where()).matches(DocExamples.expected(example.expected()));
        assertThat(run.status()).as("exit status").isEqualTo(TrainscopeCli.BAD_INPUT);
    }

    private static void runError(ErrorExample example) throws IOException {
        Path dir = Files.createTempDirectory(work, "example");
        Path config = dir.resolve(example.fileName());
        Files.createDirectories(config.getParent());
        Files.write(config, DocExamples.fileBytes(example.config()));
        List<String> args = new ArrayList<>(example.args().stream()
                .map(a -> a.equals(example.fileName()) ? config.toString() : a).toList());
        if (args.get(0).equals("train") && !args.contains("-o")) {
            args.addAll(List.of("-o", dir.resolve("runs").toString()));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        String err = run.err().replace(dir + File.separator, "");
        assertThat(err).as("standard error of 'trainscope %s' on %s", String.join(" ", example.args()),
                example.config().where()).matches(DocExamples.expected(example.expected()));
        assertThat(run.status()).as("exit status").isEqualTo(TrainscopeCli.BAD_INPUT);
    }

    private static synchronized Trainscope trainscope() {
        if (trainscope == null) {
            trainscope = Trainscope.create();
        }
        return trainscope;
    }
}
