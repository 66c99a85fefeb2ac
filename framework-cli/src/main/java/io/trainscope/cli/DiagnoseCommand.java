package io.trainscope.cli;

import io.trainscope.core.Trainscope;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.diagnosis.ConfigSource;
import io.trainscope.core.diagnosis.Diagnoser;
import io.trainscope.core.diagnosis.Diagnosis;
import io.trainscope.core.diagnosis.DiagnosisJson;
import io.trainscope.core.diagnosis.DiagnosisReport;
import io.trainscope.core.diagnosis.Level;
import io.trainscope.core.diagnosis.Probe;
import io.trainscope.core.run.RunFolder;
import io.trainscope.report.DiagnosisPage;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code trainscope diagnose CONFIG|RUN_DIR}: names the root cause, the evidence and the cure. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Probes an experiment (its initialization and its first iterations, watched by the monitors "
                + "the diagnosis needs whatever the config's monitors say), names the root cause with its evidence and "
                + "a prescription as config changes, then the problems it explains and independent ones.",
                "Writes diagnosis.json and diagnosis.html into a folder under --output (for a RUN_DIR: diagnosis.json "
                        + "into the run folder, whose report.html gains a diagnosis section). --fix applies the prescriptions, "
                        + "keeps those that help and writes cured.yaml.",
                "Exit status: 0 nothing at --fail-on, 1 a diagnosis at --fail-on (named on standard error), "
                        + "2 bad input."})
final class DiagnoseCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @CommandLine.Parameters(index = "0", paramLabel = "CONFIG|RUN_DIR",
            description = "An experiment config (YAML), or a run folder (its config.yaml is diagnosed).")
    Path input;

    @CommandLine.Option(names = "--iterations", paramLabel = "N", defaultValue = "" + Probe.DEFAULT_ITERATIONS,
            description = "Iterations the probe trains (default: ${DEFAULT-VALUE}).")
    int iterations;

    @CommandLine.Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit with status 1 when a diagnosis reaches this level: info, warning, error, or never "
                    + "(default: ${DEFAULT-VALUE}).")
    String failOn;

    @CommandLine.Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "runs",
            description = "Where the diagnosis folder of a CONFIG goes (default: ${DEFAULT-VALUE}).")
    Path output;

    @CommandLine.Option(names = "--fix", description = "Apply the prescriptions to a copy of the config, probe again, "
            + "keep each change only if it helps, compare a short training of both, and write cured.yaml.")
    boolean fix;

    @CommandLine.Option(names = "--rounds", paramLabel = "N", defaultValue = "4",
            description = "With --fix: at most this many rounds of prescription and probe (default: ${DEFAULT-VALUE}).")
    int rounds;

    @CommandLine.Option(names = "--epochs", paramLabel = "N", defaultValue = "3",
            description = "With --fix: epochs of the short training that compares the configs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Logging.Quiet ignored = Logging.errorsOnly()) {
            return diagnose();
        }
    }

    private int diagnose() {
        Level threshold = threshold();
        checkCounts();
        boolean runDir = Files.isDirectory(input);
        Path configFile = runDir ? input.resolve(RunFolder.CONFIG) : input;
        if (runDir && !Files.isRegularFile(configFile)) {
            throw new TrainscopeException(input + " is a folder without " + RunFolder.CONFIG
                    + "; give a config file or a run folder that trainscope train wrote");
        }
        if (!runDir && !Files.isRegularFile(input)) {
            throw new TrainscopeException(input + ": no such file or folder; give a config (YAML) or a run folder");
        }
        ConfigSource source = ConfigSource.load(configFile);
        Trainscope trainscope = Trainscope.create();
        PrintWriter out = spec.commandLine().getOut();
        Diagnoser.Examination exam = trainscope.get(Diagnoser.class).diagnose(source, iterations, null);
        DiagnosisReport report = exam.report();
        new DiagnosisConsole(out).print(report, "probe: " + exam.probe().run().iterations() + " iterations, seed "
                + exam.probe().run().seed());
        Path folder = runDir ? input : folder(source);
        Map<String, Object> cure = fix ? new FixConsole(out, trainscope).cure(source, exam, rounds, iterations, epochs,
                folder) : null;
        DiagnosisJson.write(folder.resolve(DiagnosisJson.FILE), report, cure);
        new DiagnosisPage().write(folder, runDir);
        out.println("written: " + folder.resolve(DiagnosisJson.FILE) + (runDir ? ", report.html" : ", diagnosis.html")
                + (fix ? ", cured.yaml" : ""));
        out.flush();
        return tripped(report, threshold) ? TrainscopeCli.FAILED : TrainscopeCli.OK;
    }

    private Level threshold() {
        if (failOn.equalsIgnoreCase("never")) {
            return null;
        }
        for (Level l : Level.values()) {
            if (l.label().equalsIgnoreCase(failOn)) {
                return l;
            }
        }
        throw new TrainscopeException("--fail-on: unknown level '" + failOn + "'; use info, warning, error or never");
    }

    private void checkCounts() {
        if (iterations < 1) {
            throw new TrainscopeException("--iterations must be at least 1, got " + iterations);
        }
        if (rounds < 1) {
            throw new TrainscopeException("--rounds must be at least 1, got " + rounds);
        }
        if (epochs < 1) {
            throw new TrainscopeException("--epochs must be at least 1, got " + epochs);
        }
    }

    private Path folder(ConfigSource source) {
        String name = source.tree().path("name").asText(source.defaultName());
        Path folder = output.resolve(name + "-diagnosis-" + LocalDateTime.now().format(STAMP));
        try {
            return Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new TrainscopeException("cannot create " + folder + ": " + e.getMessage() + "; choose another --output");
        }
    }

    private boolean tripped(DiagnosisReport report, Level threshold) {
        if (threshold == null) {
            return false;
        }
        List<Diagnosis> reaching = report.atLeast(threshold);
        if (reaching.isEmpty()) {
            return false;
        }
        Diagnosis d = reaching.get(0);
        spec.commandLine().getErr().println("trainscope: failing because of --fail-on " + threshold.label() + ": "
                + d.level().label().toUpperCase(Locale.ROOT) + " " + d.ailment().id() + (reaching.size() > 1
                ? ", and " + (reaching.size() - 1) + " more diagnos" + (reaching.size() > 2 ? "es" : "is") + " at or above "
                + threshold.label() : ""));
        spec.commandLine().getErr().flush();
        return true;
    }
}
