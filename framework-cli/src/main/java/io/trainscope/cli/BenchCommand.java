package io.trainscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trainscope.core.Trainscope;
import io.trainscope.core.TrainscopeException;
import io.trainscope.cli.bench.AllocationBenchmark;
import io.trainscope.cli.bench.BenchBudgets;
import io.trainscope.cli.bench.CnnBenchmark;
import io.trainscope.cli.bench.ConfigBenchmark;
import io.trainscope.cli.bench.DataBenchmark;
import io.trainscope.cli.bench.Dl4jDefaultsBenchmark;
import io.trainscope.cli.bench.GemmFloor;
import io.trainscope.cli.bench.InstrumentBenchmark;
import io.trainscope.cli.bench.MemoryBenchmark;
import io.trainscope.cli.bench.PassBenchmark;
import io.trainscope.cli.bench.StartupBenchmark;
import io.trainscope.cli.bench.ThroughputBenchmark;
import io.trainscope.core.config.ConfigLimits;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.PreparedData;
import io.trainscope.cli.env.CpuInfo;
import io.trainscope.cli.env.NativeCalibration;
import io.trainscope.cli.env.ThreadSetting;
import io.trainscope.core.training.RunOptions;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code trainscope bench CONFIG}: training throughput of bare DL4J against trainscope's trainer
 * with no, default and all monitors, the monitors' dataset pass against bare inference, data costs and
 * command-line start-up, each against its budget (docs/performance.md).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures training throughput in one JVM with paired, interleaved rounds: bare DL4J fit on the same "
                + "network and data, trainscope with no monitors, with the default monitors, and with every monitor "
                + "every 10 and every iteration; the same network written with DL4J's builders and trained with DL4J's fit, "
                + "bare and instrumented; then the monitors' dataset pass against bare output(), data loading, and "
                + "start-up. Prints samples/s (median, min-max), ratios within rounds, time inside each monitor, "
                + "the thread settings, versions and CPU. Run nothing else heavy on the machine meanwhile."})
final class BenchCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", paramLabel = "CONFIG", description = "The experiment to benchmark (its network, data and batch size).")
    Path config;

    @CommandLine.Option(names = "--rounds", defaultValue = "5", description = "Measured rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @CommandLine.Option(names = "--warmup", defaultValue = "20", description = "Untimed iterations at the start of each variant (default ${DEFAULT-VALUE}).")
    int warmup;

    @CommandLine.Option(names = "--iterations", defaultValue = "60", description = "Timed iterations per variant and round (default ${DEFAULT-VALUE}).")
    int iterations;

    @CommandLine.Option(names = "--memory-epochs", defaultValue = "40", description = "Epochs of the long run with every "
            + "monitor on that measures memory growth; 0 skips it (default ${DEFAULT-VALUE}).")
    int memoryEpochs;

    @CommandLine.Option(names = "--skip-startup", description = "Do not measure command-line start-up.")
    boolean skipStartup;

    @CommandLine.Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || warmup < 1 || iterations < 1) {
            throw new TrainscopeException("--rounds, --warmup and --iterations must be at least 1");
        }
        Logging.warningsOnly();
        PrintWriter out = spec.commandLine().getOut();
        Trainscope trainscope = Trainscope.create();
        ResolvedExperiment experiment = trainscope.resolve(config);
        CpuInfo cpu = CpuInfo.read();
        out.println("trainscope bench " + config);
        out.println("  cpu:      " + cpu.describe());
        out.println("  threads:  OMP_NUM_THREADS=" + System.getenv().getOrDefault("OMP_NUM_THREADS", "unset")
                + ", BLAS threads=" + Nd4j.factory().blas().getMaxThreads()
                + ", OPENBLAS_CORETYPE=" + System.getenv().getOrDefault("OPENBLAS_CORETYPE", "unset"));
        out.println("  set by:   " + nativeSource());
        out.println("  versions: " + new Version().getVersion()[0]);
        out.printf(Locale.ROOT, "  network:  %s, batch %d; %d rounds of %d timed iterations after %d warm-up, per variant%n%n",
                experiment.spec().model().hidden(), experiment.spec().training().batchSize(), rounds, iterations, warmup);
        out.flush();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cpu", cpu.describe());
        figures.put("omp_num_threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        figures.put("blas_threads", Nd4j.factory().blas().getMaxThreads());
        figures.put("openblas_coretype", System.getenv().getOrDefault("OPENBLAS_CORETYPE", "unset"));
        figures.put("native_settings_source", nativeSource());
        figures.put("date", Instant.now().toString());

        var throughput = trainscope.get(ThroughputBenchmark.class)
                .run(experiment, new ThroughputBenchmark.Options(rounds, warmup, iterations), out);
        var widths = new ArrayList<Integer>();
        var prepared = trainscope.trainer().prepare(experiment, RunOptions.inMemory(null));
        widths.add((int) prepared.inputs());
        widths.addAll(experiment.spec().model().hidden());
        widths.add(prepared.head().units());
        var floor = GemmFloor.best(widths, experiment.spec().training().batchSize(), 15,
                ThreadSetting.counts(Runtime.getRuntime().availableProcessors()));
        out.printf(Locale.ROOT, "%n%-28s %10s %21s %11s %11s %9s%n", "training throughput", "samples/s", "(min-max)",
                "vs dl4j fit", "vs no mon.", "of floor");
        for (var r : throughput) {
            out.printf(Locale.ROOT, "%-28s %10.0f %10.0f-%-10.0f %11.3f %11.3f %8.0f%%%n", r.name(),
                    r.samplesPerSecond().median(), r.samplesPerSecond().min(), r.samplesPerSecond().max(),
                    r.ratioToBare().median(), r.ratioToNoMonitors().median(),
                    100 * r.samplesPerSecond().median() / floor.samplesPerSecond());
        }
        out.printf(Locale.ROOT, "all-core gemm floor (fastest over BLAS threads %s: %d): %.2f ms per iteration (%.2f GFLOP: "
                        + "forward, weight and input gradients), %.0f samples/s; \"vs dl4j fit\" is against bare fit with "
                        + "trainscope's layers%n", ThreadSetting.counts(Runtime.getRuntime().availableProcessors()),
                floor.blasThreads(), floor.secondsPerIteration().median() * 1e3, floor.gflopPerIteration(),
                floor.samplesPerSecond());
        figures.put("gemm_floor", floor);
        figures.put("dl4j_defaults", dl4jDefaults(out, throughput));
        for (var r : throughput) {
            if (!r.monitorMsPerIteration().isEmpty()) {
                out.printf(Locale.ROOT, "  time inside monitors, %s (ms per iteration): %s%n", r.name(),
                        format(r.monitorMsPerIteration()));
            }
        }
        figures.put("throughput", throughput);
        figures.put("cnn", cnn(trainscope, experiment, out));
        figures.put("allocations", allocations(trainscope, experiment, out));
        figures.put("instrumented_user_network", instrumented(trainscope, experiment, out));
        out.flush();

        var data = trainscope.get(DataBenchmark.class).run(experiment, Math.min(rounds, 3));
        var pass = trainscope.get(PassBenchmark.class).run(experiment, prepared, rounds);
        out.printf(Locale.ROOT, "%ndataset pass (%s): %.0f examples/s vs bare output() %.0f/s: ratio %.3f (min %.3f); "
                        + "buffers outside workspaces per batch: pass %.1f (%.0f bytes), output() %.1f (%.0f bytes)%n",
                pass.monitors().isEmpty() ? "no monitor asks for one" : String.join(", ", pass.monitors()),
                pass.datasetPass().median(), pass.bareOutput().median(), pass.ratio().median(), pass.ratio().min(),
                pass.passBuffers(), pass.passBytes(), pass.outputBuffers(), pass.outputBytes());
        double fitBatches = throughput.get(1).samplesPerSecond().median() / experiment.spec().training().batchSize();
        out.printf(Locale.ROOT, "data: load and prepare %d examples %.3f s (median); batches gathered %.0f/s vs %.0f/s "
                        + "consumed by fit%n", data.examples(), data.prepareSeconds().median(),
                data.batchesPerSecond().median(), fitBatches);
        figures.put("dataset_pass", pass);
        figures.put("data", data);
        figures.put("config", config(out, Math.min(rounds, 3)));

        String launcher = System.getProperty("trainscope.launcher");
        if (!skipStartup && launcher != null) {
            var startup = StartupBenchmark.run(Path.of(launcher), config, 3);
            out.printf(Locale.ROOT, "start-up: --help %.2f s, plugins %.2f s, first training iteration after %.2f s "
                    + "(medians of 3)%n", startup.help().median(), startup.plugins().median(), startup.firstIteration().median());
            figures.put("startup", startup);
        } else if (!skipStartup) {
            out.println("start-up: not measured (run through the ./trainscope launcher to measure it)");
        }

        double growth = memory(trainscope, experiment, prepared, out, figures);
        int batch = experiment.spec().training().batchSize();
        double none = throughput.stream().filter(v -> v.name().equals(ThroughputBenchmark.NO_MONITORS))
                .mapToDouble(v -> v.samplesPerSecond().median()).findFirst().orElse(Double.NaN);
        double passShare = pass.monitors().isEmpty() ? 0
                : BenchBudgets.passShare(pass.datasetPass().median(), prepared.trainingExamples(), batch, none);
        out.printf(Locale.ROOT, "dataset pass amortized: one pass per epoch of %d examples adds %.1f%% to an iteration "
                + "with no monitors%n", prepared.trainingExamples(), 100 * passShare);
        var budgets = BenchBudgets.evaluate(BenchBudgets.figures(throughput, floor.samplesPerSecond(),
                pass.ratio().median(), growth, passShare));
        BenchBudgets.print(out, budgets);
        figures.put("budgets", budgets);
        if (json != null) {
            Files.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
            out.println("figures written to " + json);
        }
        out.flush();
        return TrainscopeCli.OK;
    }

    /** The CNN row: a small convolutional network on the config's data, bare fit against the trainer. */
    private CnnBenchmark.Result cnn(Trainscope trainscope, ResolvedExperiment experiment, PrintWriter out) {
        var result = trainscope.get(CnnBenchmark.class)
                .run(experiment, new ThroughputBenchmark.Options(rounds, warmup, iterations), out);
        out.printf(Locale.ROOT, "%n%-42s %10s %21s %11s %11s%n", "cnn (" + CnnBenchmark.MODEL + ")", "samples/s",
                "(min-max)", "vs dl4j fit", "vs no mon.");
        if (result.skipped() != null) {
            out.println("  skipped: " + result.skipped());
        }
        for (var r : result.variants()) {
            out.printf(Locale.ROOT, "%-42s %10.0f %10.0f-%-10.0f %11.3f %11.3f%n", r.name(), r.samplesPerSecond().median(),
                    r.samplesPerSecond().min(), r.samplesPerSecond().max(), r.ratioToBare().median(),
                    r.ratioToNoMonitors().median());
        }
        return result;
    }

    /** The config's network written with DL4J's builders and trained with DL4J's fit, bare and instrumented. */
    private List<ThroughputBenchmark.VariantResult> instrumented(Trainscope trainscope, ResolvedExperiment experiment,
                                                                 PrintWriter out) {
        var results = trainscope.get(InstrumentBenchmark.class)
                .run(experiment, new ThroughputBenchmark.Options(rounds, warmup, iterations), List.of(), out);
        out.printf(Locale.ROOT, "%n%-42s %10s %21s %11s %11s%n", "instrumented user network (dl4j layers)", "samples/s",
                "(min-max)", "vs dl4j fit", "vs no mon.");
        for (var r : results) {
            out.printf(Locale.ROOT, "%-42s %10.0f %10.0f-%-10.0f %11.3f %11.3f%n", r.name(), r.samplesPerSecond().median(),
                    r.samplesPerSecond().min(), r.samplesPerSecond().max(), r.ratioToBare().median(),
                    r.ratioToNoMonitors().median());
        }
        out.println("DL4J's StatsListener on the same network: the optional bench-statslistener module "
                + "(mvn -Pstats-listener; its deeplearning4j-ui-model dependency is kept out of the main build), "
                + "see docs/instrument.md");
        return results;
    }

    /** DL4J at its own defaults, in a JVM of its own (the native settings cannot change once ND4J has loaded). */
    private Dl4jDefaultsBenchmark.Result dl4jDefaults(PrintWriter out, List<ThroughputBenchmark.VariantResult> throughput) {
        var r = Dl4jDefaultsBenchmark.run(config, warmup, iterations);
        double none = throughput.stream().filter(v -> v.name().equals(ThroughputBenchmark.NO_MONITORS))
                .mapToDouble(v -> v.samplesPerSecond().median()).findFirst().orElse(Double.NaN);
        if (r.failure() != null) {
            out.println("dl4j at its defaults (own JVM): not measured: " + r.failure());
        } else {
            out.printf(Locale.ROOT, "dl4j at its defaults (own JVM, OMP_NUM_THREADS and OPENBLAS_CORETYPE unset, BLAS "
                    + "threads %d; dl4j layers, dl4j fit): %.0f samples/s; trainscope with no monitors is %.2fx that "
                    + "(one run, another JVM)%n", r.blasThreads(), r.samplesPerSecond(), none / r.samplesPerSecond());
        }
        return r;
    }

    /** Where each native setting in effect comes from: the launcher's line, or the cached calibration's without it. */
    private static String nativeSource() {
        Map<String, String> env = System.getenv();
        String launcher = env.get("TRAINSCOPE_NATIVE_SOURCE");
        if (launcher != null) {
            return launcher;
        }
        return NativeCalibration.cached().map(s -> s.source(env) + " [not started by the launcher]")
                .orElse("not started by the launcher, and no calibration cached: your environment and ND4J's defaults");
    }

    /** Buffers ND4J creates per iteration in each variant (counted, not timed: load-independent). */
    private List<AllocationBenchmark.Row> allocations(Trainscope trainscope, ResolvedExperiment experiment, PrintWriter out) {
        var rows = trainscope.get(AllocationBenchmark.class).run(experiment, warmup, Math.min(iterations, 30));
        out.printf(Locale.ROOT, "%n%-28s %22s %16s %20s%n", "nd4j buffers per iteration", "outside workspaces",
                "(bytes)", "in workspaces");
        for (var r : rows) {
            out.printf(Locale.ROOT, "%-28s %22.1f %16.0f %20.1f%n", r.name(), r.outsideWorkspaces(), r.outsideBytes(),
                    r.inWorkspaces());
        }
        return rows;
    }

    /** The long run with every monitor on; prints and records it, returns the resident growth per epoch (NaN if skipped). */
    private double memory(Trainscope trainscope, ResolvedExperiment experiment, PreparedData prepared, PrintWriter out,
                          Map<String, Object> figures) {
        if (memoryEpochs < 1) {
            out.println("memory: not measured (--memory-epochs 0)");
            return Double.NaN;
        }
        var m = trainscope.get(MemoryBenchmark.class).run(experiment, prepared, memoryEpochs);
        out.printf(Locale.ROOT, "memory, %d epochs of %d iterations, every monitor every iteration: resident %.1f MiB after "
                        + "epoch 1, %.1f after epoch %d, %.1f after epoch %d; growth over epochs %d-%d: resident %.3f MiB "
                        + "per epoch, ND4J native %.3f MiB per epoch (%.1f to %.1f MiB)%n", m.epochs(), m.iterationsPerEpoch(),
                m.residentMiB()[0], m.residentMiB()[m.fitFrom()], m.fitFrom() + 1, m.residentMiB()[m.epochs() - 1],
                m.epochs(), m.fitFrom() + 1, m.epochs(), m.residentGrowth(), m.nativeGrowth(), m.nativeMiB()[m.fitFrom()],
                m.nativeMiB()[m.epochs() - 1]);
        figures.put("memory", m);
        return m.residentGrowth();
    }

    /** The config's own parse, the worst config within the limits, and the refusal of two bad ones. */
    private ConfigBenchmark.Result config(PrintWriter out, int configRounds) throws IOException {
        Path scratch = Files.createTempDirectory("trainscope-bench-config");
        try {
            var c = ConfigBenchmark.run(config, configRounds, scratch);
            out.printf(Locale.ROOT, "config: this one read in %.1f ms; one scalar of the largest size allowed (%d KiB) "
                            + "%.1f ms; a 5 MB file refused in %.1f ms, nesting deeper than %d in %.1f ms (medians)%s%n",
                    c.config().median() * 1e3, ConfigLimits.MAX_BYTES / 1024, c.largestScalar().median() * 1e3,
                    c.oversized().median() * 1e3, ConfigLimits.MAX_DEPTH, c.tooDeep().median() * 1e3,
                    c.refused() ? "" : "; A BAD CONFIG WAS ACCEPTED");
            return c;
        } finally {
            try (var files = Files.list(scratch)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(scratch);
        }
    }

    private static String format(Map<String, Double> ms) {
        return String.join(", ", ms.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue())).toList());
    }

}
