package io.trainscope.cli.docs;

import io.trainscope.cli.docs.DocExamples.ErrorExample;
import io.trainscope.cli.docs.Markdown.Block;
import io.trainscope.core.Trainscope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The documentation convention as DocumentationTest reads it: what counts as a config, an error example, a fragment. */
class DocExamplesTest {

    private static final String PAGE = """
            Intro.

            <!-- fragment: model -->
            ```yaml
            model: {hidden: [4]}   # a comment
            ```

            ```yaml
            data: iris
            model: {init: {name: normal, std: -1}}
            ```

            ```
            $ ./trainscope train broken.yaml
            trainscope: error: model.init.std: must be a number > 0
            ```

            ```yaml
            data: iris
            model: {}
            ```
            Text between.
            ```
            trainscope: error: this line has no config right before it
            ```

            <!-- not run: needs a jar; SomeTest checks it -->
            ```
            trainscope: error: a line that says why it is not run
            ```
            """;

    private final Markdown page = Markdown.parse("page.md", PAGE);

    @Test
    void aYamlBlockFollowedByAnErrorLineIsAnErrorExampleRunOnTheFileTheCommandNames() {
        List<ErrorExample> errors = DocExamples.errors(page);
        assertThat(errors).hasSize(1);
        ErrorExample error = errors.get(0);
        assertThat(error.fileName()).isEqualTo("broken.yaml");
        assertThat(error.args()).containsExactly("train", "broken.yaml");
        assertThat(error.expected()).isEqualTo("trainscope: error: model.init.std: must be a number > 0");
        assertThat(error.config().line()).isEqualTo(8);
    }

    @Test
    void yamlBlocksWithoutAnErrorAfterThemAreConfigs() {
        assertThat(DocExamples.configs(page)).extracting(Block::line).containsExactly(4, 18);
    }

    @Test
    void anErrorLineWithoutItsConfigMustSayWhyItIsNotRun() {
        assertThat(DocExamples.unpairedErrors(page)).extracting(Block::line).containsExactly(23);
        assertThat(page.blocks().get(5).markers()).containsEntry("not run", "needs a jar; SomeTest checks it");
    }

    @Test
    void commandsShownWithTheirErrorsAreRunOneByOneAndDotsStandForLeftOutText() {
        Markdown commands = Markdown.parse("p.md", """
                ```
                $ ./trainscope activations rellu
                trainscope: error: rellu: unknown activation 'rellu'; known: ...
                $ ./trainscope plugins --family x
                trainscope: error: unknown plugin family 'x'
                ```
                """);
        List<DocExamples.CommandError> errors = DocExamples.commandErrors(commands);
        assertThat(errors).extracting(DocExamples.CommandError::args)
                .containsExactly(List.of("activations", "rellu"), List.of("plugins", "--family", "x"));
        assertThat(DocExamples.unpairedErrors(commands)).isEmpty();
        String nl = System.lineSeparator();
        assertThat("trainscope: error: rellu: unknown activation 'rellu'; known: elu, gelu" + nl)
                .matches(DocExamples.expected(errors.get(0).expected()));
        assertThat("trainscope: error: rellu: unknown activation 'relu'; known: elu" + nl)
                .doesNotMatch(DocExamples.expected(errors.get(0).expected()));
        assertThat("trainscope: error: unknown plugin family 'x'" + nl + "Try 'trainscope plugins --help'." + nl)
                .doesNotMatch(DocExamples.expected(errors.get(1).expected()));
    }

    @Test
    void aFragmentIsCompletedWithTheBaseConfigForTheKeysItDoesNotGive() {
        Block fragment = page.blocks().get(0);
        assertThat(DocExamples.configText(fragment)).isEqualTo("model: {hidden: [4]}   # a comment\ndata: iris\n");
    }

    @Test
    void aFragmentThatGivesOtherKeysThanItsMarkerSaysIsRefused() {
        Block wrong = Markdown.parse("p.md", "<!-- fragment: data -->\n```yaml\nmodel: {}\n```\n").blocks().get(0);
        assertThatThrownBy(() -> DocExamples.configText(wrong)).hasMessageContaining("p.md:2: the fragment gives "
                + "the top-level keys [model] but its marker says [data]");
    }

    @Test
    void aFileIsWrittenInItsEncodingAndPaddedToItsSize() {
        Block latin = Markdown.parse("p.md", "<!-- file: a.yaml; encoding: ISO-8859-1 -->\n```yaml\nname: café\n```\n")
                .blocks().get(0);
        assertThat(DocExamples.fileBytes(latin)).containsExactly("name: café\n".getBytes(StandardCharsets.ISO_8859_1));
        Block big = Markdown.parse("p.md", "<!-- file: big.yaml; size: 100 -->\n```yaml\ndata: iris\n```\n").blocks().get(0);
        byte[] bytes = DocExamples.fileBytes(big);
        assertThat(bytes).hasSize(100);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("data: iris\n#").endsWith(" \n");
    }

    @Test
    void anchorsAreGithubs() {
        assertThat(DocLinks.anchor("What DL4J 1.0.0-M2.1 does at each listener hook"))
                .isEqualTo("what-dl4j-100-m21-does-at-each-listener-hook");
        assertThat(DocLinks.anchor("`catalogue.json`")).isEqualTo("cataloguejson");
        assertThat(DocLinks.anchor("Sampling: `every` and `every-epochs`")).isEqualTo("sampling-every-and-every-epochs");
    }

    @Test
    void linksAreCheckedOutsideCodeSpansOnly(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("a.md"), "# Top\n");
        Markdown links = Markdown.parse("b.md", "see [a](a.md#top), [`a`](a.md), `[x](missing.md)`, [gone](gone.md)\n");
        assertThat(DocLinks.broken(links, root)).containsExactly("b.md:1: gone.md: no such file");
    }

    @Test
    void aNamesCellGivesTheCodeSpansOutsideParenthesesBeforeASee() {
        assertThat(StandardPlugins.namesIn("`batchnorm` (`placement`, `eps`), `standardize` (`eps`)"))
                .containsExactly("batchnorm", "standardize");
        assertThat(StandardPlugins.namesIn("`idx` (MNIST layout), `csv` — see [`x`](x.md)")).containsExactly("idx", "csv");
    }

    @Test
    void aParameterTableIsCheckedAgainstThePluginUnderWhoseHeadingItStands() {
        Markdown monitors = Markdown.parse("monitors.md", """
                ## histograms

                | parameter | default | allowed | meaning |
                |---|---|---|---|
                | `every` | 0 | integer >= 0 | |
                | `every-epochs` | 2 | integer >= 0 | |
                | `bins` | 50 | | |
                | `colour` | red | | |
                """);
        assertThat(ParameterTables.wrong(monitors, Trainscope.create().plugins())).containsExactly(
                "monitors.md:3 (histograms): every-epochs: the table says 2, the plugin 1",
                "monitors.md:3 (histograms): max-values is declared but not in the table",
                "monitors.md:3 (histograms): colour is in the table but not declared");
    }

    @Test
    void theRepositoryDocsHoldExamplesOfEveryKindTheTestsRun() {
        List<Markdown> pages = Repository.pages();
        assertThat(pages.stream().mapToLong(p -> DocExamples.configs(p).size()).sum()).isGreaterThan(10);
        assertThat(pages.stream().mapToLong(p -> DocExamples.errors(p).size()).sum()).isGreaterThan(15);
        assertThat(pages.stream().mapToLong(p -> p.tables(List.of("family", "names")).size()).sum()).isGreaterThan(10);
    }
}
