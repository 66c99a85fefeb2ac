package io.trainscope.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code trainscope evaluate}: says which split or part it measures, and refuses data that does
 * not fit the model (shape, task, class count; class names unless {@code --force}).
 */
class EvaluateCommandTest {

    @TempDir
    static Path root;
    /** An iris run with a test split. */
    private static Path withTest;
    /** An iris run whose split has no test share. */
    private static Path withoutTest;

    @BeforeAll
    static void trainTwoTinyIrisRuns() throws IOException {
        withTest = train("with-test", "{train: 0.6, validation: 0.2, test: 0.2, seed: 3}");
        withoutTest = train("without-test", "{train: 0.8, validation: 0.2, seed: 3}");
    }

    private static Path train(String name, String split) throws IOException {
        Path config = Files.writeString(root.resolve(name + ".yaml"), "name: " + name + "\n"
                + "data: {source: iris, split: " + split + "}\n"
                + "model: {hidden: [4], normalizers: [standardize]}\n"
                + "training: {epochs: 2, batch-size: 30}\nmonitors: []\n");
        Path output = root.resolve(name);
        assertThat(CliRun.of("train", config.toString(), "-o", output.toString(), "-q", "--no-report").status()).isZero();
        try (Stream<Path> runs = Files.list(output)) {
            return runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    @Test
    void evaluatesTheRunsTestSplitSayingSoAndWritesEvaluationJson() {
        CliRun run = CliRun.of("evaluate", withTest.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("data: test split of the run's data (iris, seed ", "(30 examples)", "setosa");
        assertThat(withTest.resolve("evaluation.json")).exists();
    }

    @Test
    void anEvaluationThatCannotBeWrittenEndsInOneLineNamingTheFileAndTheFix(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("copy");
        try (Stream<Path> files = Files.walk(withTest)) {
            for (Path p : files.toList()) {
                Files.copy(p, copy.resolve(withTest.relativize(p).toString()));
            }
        }
        Files.deleteIfExists(copy.resolve("evaluation.json"));   // another test's evaluation, if it ran first
        Path blocked = Files.createDirectory(copy.resolve("evaluation.json"));
        Files.writeString(blocked.resolve("in-the-way"), "a folder where the evaluation goes");

        CliRun run = CliRun.of("evaluate", copy.toString());

        assertThat(run.status()).isEqualTo(TrainscopeCli.FAILED);
        assertThat(run.err()).isEqualTo("trainscope: error: cannot write " + blocked + ": a folder is in its place; "
                + "move that folder out of the way, then run the command again" + System.lineSeparator());
    }

    @Test
    void aRunWithoutTestSplitIsMeasuredOnItsValidationSplitSayingWhy() {
        CliRun run = CliRun.of("evaluate", withoutTest.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("data: validation split of the run's data (iris, seed ",
                "because its data.split has no test share and it has no data.test-part (30 examples)");
    }

    @Test
    void otherDataWithoutTestShareIsMeasuredWholeOrOnItsTrainingShareSayingWhich() {
        CliRun all = CliRun.of("evaluate", withTest.toString(), "--data", "{source: iris}");
        assertThat(all.status()).isZero();
        assertThat(all.out()).contains(", all of part 'all' (150 examples)");
        CliRun share = CliRun.of("evaluate", withTest.toString(), "--data",
                "{source: iris, split: {train: 0.8, validation: 0.2}}");
        assertThat(share.out()).contains("training share (80%) of part 'all', because its split has no test share "
                + "(120 examples)");
    }

    @Test
    void refusesDataOfAnotherShapeOrClassCountInOneLine() {
        CliRun shape = CliRun.of("evaluate", withTest.toString(), "--data",
                "{source: gaussian-classification, features: 7, classes: 3}");
        assertThat(shape.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(shape.err()).isEqualTo("trainscope: error: the data has 7 features per example but the model was "
                + "trained on 4; evaluate it on data of the same layout" + System.lineSeparator());
        CliRun classes = CliRun.of("evaluate", withTest.toString(), "--data",
                "{source: gaussian-classification, features: 4, classes: 2}", "--force");
        assertThat(classes.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(classes.err()).isEqualTo("trainscope: error: --data: the data is classification into 2 classes but "
                + "the model was trained for classification into 3 classes; evaluate it on data of the same task"
                + System.lineSeparator());
    }

    @Test
    void refusesDataWithOtherClassNamesUnlessForced() {
        String digitsLike = "{source: gaussian-classification, features: 4, classes: 3}";
        CliRun refused = CliRun.of("evaluate", withTest.toString(), "--data", digitsLike);
        assertThat(refused.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(refused.err()).isEqualTo("trainscope: error: --data: the data's classes (0, 1, 2) are not the "
                + "classes the model was trained on (setosa, versicolor, virginica, from its run's data iris); evaluate "
                + "it on data of the same classes, or pass --force to measure it anyway" + System.lineSeparator());
        CliRun forced = CliRun.of("evaluate", withTest.toString(), "--data", digitsLike, "--force");
        assertThat(forced.status()).isZero();
        assertThat(forced.out()).contains("; its classes (0, 1, 2) are not the model's, shown under the model's names "
                + "(--force)");
    }
}
