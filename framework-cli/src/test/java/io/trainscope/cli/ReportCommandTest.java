package io.trainscope.cli;

import io.trainscope.report.ReportPages;
import io.trainscope.report.SyntheticRun;
import io.trainscope.report.SyntheticRun.Kind;
import io.trainscope.core.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    @Test
    void reportHasHelpThatSaysWhereReportsGo() {
        CliRun help = cli("report", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("Usage: trainscope report", "RUN_DIR", "--output", "comparison-report.html");
        assertThat(cli("train", "--help").out()).contains("--no-report");
    }

    @Test
    void rebuildsTheReportOfOneRunInItsFolder(@TempDir Path root) throws Exception {
        Path run = SyntheticRun.in(root, "one").kinds(EnumSet.of(Kind.TRAINER, Kind.GRADIENT_NORMS)).write();
        CliRun r = cli("report", run.toString());

        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("report: " + run.resolve(RunFolder.REPORT) + " (");
        assertThat(Files.readString(run.resolve(RunFolder.REPORT))).contains("data-chart=\"layer-gradient-norm\"");
    }

    @Test
    void writesOneComparisonOfSeveralRunsToTheGivenFile(@TempDir Path root) throws Exception {
        Path a = SyntheticRun.in(root, "a").kinds(EnumSet.of(Kind.TRAINER, Kind.GRADIENT_NORMS)).write();
        Path b = SyntheticRun.in(root, "b").kinds(EnumSet.of(Kind.TRAINER, Kind.GRADIENT_NORMS)).write();
        Path out = root.resolve("fix.html");
        CliRun r = cli("report", a.toString(), b.toString(), "--output", out.toString());

        assertThat(r.status()).isZero();
        assertThat(Files.readString(out)).contains("Comparison of 2 runs", "data-chart=\"cmp-first-layer-gradient-norm\"");
        assertThat(a.resolve(RunFolder.REPORT)).doesNotExist();
    }

    @Test
    void aFolderThatIsNotARunFolderIsOneLineAndStatusTwo(@TempDir Path root) throws Exception {
        Path notARun = Files.createDirectories(root.resolve("photos"));
        Files.writeString(notARun.resolve(RunFolder.RUN), "{}");
        CliRun r = cli("report", notARun.toString());

        assertThat(r.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(r.err()).isEqualTo("trainscope: error: " + notARun + " is not a run folder: metrics.jsonl is missing "
                + "(run.json is there: the run wrote no measurements)" + System.lineSeparator());
    }

    @Test
    void trainWritesTheReportUnlessToldNotTo(@TempDir Path root) throws Exception {
        Path config = root.resolve("tiny.yaml");
        Files.writeString(config, """
                data: {source: gaussian-classification, samples: 100, features: 8}
                model: {hidden: [6, 6], activation: sigmoid, output: {activation: sigmoid, loss: binary-cross-entropy}}
                training: {epochs: 2, batch-size: 50}
                monitors: [{name: gradient-norms, every: 1}, dead-neurons]
                """);
        CliRun with = cli("train", config.toString(), "-o", root.resolve("with").toString(), "--quiet");
        CliRun without = cli("train", config.toString(), "-o", root.resolve("without").toString(), "--quiet", "--no-report");

        assertThat(with.status()).isZero();
        assertThat(with.out()).contains("report: ");
        Path folder = onlyFolder(root.resolve("with"));
        assertThat(ReportPages.chartIds(Files.readString(folder.resolve(RunFolder.REPORT))))
                .contains("train-loss", "layer-gradient-norm", "gradient-norm-ratio");
        assertThat(without.status()).isZero();
        assertThat(without.out()).doesNotContain("report: ");
        assertThat(onlyFolder(root.resolve("without")).resolve(RunFolder.REPORT)).doesNotExist();
    }

    private static Path onlyFolder(Path root) throws Exception {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
