package io.trainscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trainscope.cli.bench.AllocationBenchmark;
import io.trainscope.cli.bench.BenchBudgets;
import io.trainscope.cli.bench.BenchEnvironment;
import io.trainscope.cli.bench.BenchTables;
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
import io.trainscope.cli.env.ThreadSetting;
import io.trainscope.core.Trainscope;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.training.RunOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
                + "bare and instrumented; a small CNN (bare fit, no monitors, default monitors); DL4J at its own defaults "
                + "in a JVM of its own; ND4J buffers created per iteration; then the monitors' dataset pass against bare "
                + "output(), data loading, start-up, and a long run with every monitor on that measures memory growth "
                + "per epoch. Prints samples/s (median, min-max), ratios within rounds, the share of the all-core GEMM "
                + "floor, time inside each monitor, each budget, the thread settings, versions and CPU. Run nothing "
                + "else heavy on the machine meanwhile."})
final class BenchCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", paramLabel = "CONFIG", description = "The experiment to benchmark (its network, data and batch size).")
    Path config;

    @CommandLine.Option(names = "--rounds", paramLabel = "N", defaultValue = "5", description = "Measured rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @CommandLine.Option(names = "--warmup", paramLabel = "N", defaultValue = "20", description = "Untimed iterations at the start of each variant (default ${DEFAULT-VALUE}).")
    int warmup;

    @CommandLine.Option(names = "--iterations", paramLabel = "N", defaultValue = "60", description = "Timed iterations per variant and round (default ${DEFAULT-VALUE}).")
    int iterations;

    @CommandLine.Option(names = "--memory-epochs", paramLabel = "N", defaultValue = "40", description = "Epochs of the long run with every "
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
        BenchEnvironment environment = BenchEnvironment.current();
        BenchTables.header(out, config, environment, new Version().getVersion()[0], experiment.spec().model().hidden(),
                experiment.spec().training().batchSize(), options());
        Map<String, Object> figures = environment.figures();

        var throughput = trainscope.get(ThroughputBenchmark.class).run(experiment, options(), out);
        var prepared = trainscope.trainer().prepare(experiment, RunOptions.inMemory(null));
        var floor = floor(experiment, prepared);
        BenchTables.throughput(out, throughput, floor, blasThreadCounts());
        figures.put("gemm_floor", floor);
        figures.put("dl4j_defaults", dl4jDefaults(out, throughput));
        BenchTables.monitorTimes(out, throughput);
        figures.put("throughput", throughput);
        figures.put("cnn", cnn(trainscope, experiment, out));
        figures.put("allocations", allocations(trainscope, experiment, out));
        figures.put("instrumented_user_network", instrumented(trainscope, experiment, out));
        out.flush();

        var pass = passAndData(trainscope, experiment, prepared, throughput, out, figures);
        figures.put("config", config(out, Math.min(rounds, 3)));
        startup(out, figures);
        double growth = memory(trainscope, experiment, prepared, out, figures);
        figures.put("budgets", budgets(out, throughput, floor, pass, prepared.trainingExamples(),
                experiment.spec().training().batchSize(), growth));
        if (json != null) {
            Files.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
            out.println("figures written to " + json);
        }
        out.flush();
        return TrainscopeCli.OK;
    }

    private ThroughputBenchmark.Options options() {
        return new ThroughputBenchmark.Options(rounds, warmup, iterations);
    }

    private static List<Integer> blasThreadCounts() {
        return ThreadSetting.counts(Runtime.getRuntime().availableProcessors());
    }

    /** The all-core gemm floor of the config's dense network: its layers' matrix products alone, at the best BLAS threads. */
    private static GemmFloor.Result floor(ResolvedExperiment experiment, PreparedData prepared) {
        var widths = new ArrayList<Integer>();
        widths.add((int) prepared.inputs());
        widths.addAll(experiment.spec().model().hidden());
        widths.add(prepared.head().units());
        return GemmFloor.best(widths, experiment.spec().training().batchSize(), 15, blasThreadCounts());
    }

    /** The CNN row: a small convolutional network on the config's data, bare fit against the trainer. */
    private CnnBenchmark.Result cnn(Trainscope trainscope, ResolvedExperiment experiment, PrintWriter out) {
        var result = trainscope.get(CnnBenchmark.class).run(experiment, options(), out);
        BenchTables.variants(out, "cnn (" + CnnBenchmark.MODEL + ")", result.skipped(), result.variants());
        return result;
    }

    /** The config's network written with DL4J's builders and trained with DL4J's fit, bare and instrumented. */
    private List<ThroughputBenchmark.VariantResult> instrumented(Trainscope trainscope, ResolvedExperiment experiment,
                                                                 PrintWriter out) {
        var results = trainscope.get(InstrumentBenchmark.class).run(experiment, options(), List.of(), out);
        BenchTables.variants(out, "instrumented user network (dl4j layers)", null, results);
        out.println("DL4J's StatsListener on the same network: the optional bench-statslistener module "
                + "(mvn -Pstats-listener; its deeplearning4j-ui-model dependency is kept out of the main build), "
                + "see docs/instrument.md");
        return results;
    }

    /** DL4J at its own defaults, in a JVM of its own (the native settings cannot change once ND4J has loaded). */
    private Dl4jDefaultsBenchmark.Result dl4jDefaults(PrintWriter out, List<ThroughputBenchmark.VariantResult> throughput) {
        var r = Dl4jDefaultsBenchmark.run(config, warmup, iterations);
        BenchTables.dl4jDefaults(out, r, ThroughputBenchmark.samplesPerSecond(throughput, ThroughputBenchmark.NO_MONITORS));
        return r;
    }

    /** Buffers ND4J creates per iteration in each variant (counted, not timed: load-independent). */
    private List<AllocationBenchmark.Row> allocations(Trainscope trainscope, ResolvedExperiment experiment, PrintWriter out) {
        var rows = trainscope.get(AllocationBenchmark.class).run(experiment, warmup, Math.min(iterations, 30));
        BenchTables.allocations(out, rows);
        return rows;
    }

    /** Data loading against what fit consumes, then the monitors' dataset pass against bare output(); records both. */
    private PassBenchmark.Result passAndData(Trainscope trainscope, ResolvedExperiment experiment, PreparedData prepared,
                                             List<ThroughputBenchmark.VariantResult> throughput, PrintWriter out,
                                             Map<String, Object> figures) {
        var data = trainscope.get(DataBenchmark.class).run(experiment, Math.min(rounds, 3));
        var pass = trainscope.get(PassBenchmark.class).run(experiment, prepared, rounds);
        double fitBatches = ThroughputBenchmark.samplesPerSecond(throughput, ThroughputBenchmark.BASELINE)
                / experiment.spec().training().batchSize();
        BenchTables.passAndData(out, pass, data, fitBatches);
        figures.put("dataset_pass", pass);
        figures.put("data", data);
        return pass;
    }

    /** Command-line start-up, measured through the launcher when the bench was started by it. */
    private void startup(PrintWriter out, Map<String, Object> figures) throws IOException, InterruptedException {
        if (skipStartup) {
            return;
        }
        String launcher = System.getProperty("trainscope.launcher");
        var startup = launcher == null ? null : StartupBenchmark.run(Path.of(launcher), config, 3);
        BenchTables.startup(out, startup);
        if (startup != null) {
            figures.put("startup", startup);
        }
    }

    /** The long run with every monitor on; prints and records it, returns the resident growth per epoch (NaN if skipped). */
    private double memory(Trainscope trainscope, ResolvedExperiment experiment, PreparedData prepared, PrintWriter out,
                          Map<String, Object> figures) {
        if (memoryEpochs < 1) {
            BenchTables.memory(out, null);
            return Double.NaN;
        }
        var m = trainscope.get(MemoryBenchmark.class).run(experiment, prepared, memoryEpochs);
        BenchTables.memory(out, m);
        figures.put("memory", m);
        return m.residentGrowth();
    }

    /** The budgets, with the dataset passes of the default schedule amortized over the epochs; prints and returns them. */
    private static List<BenchBudgets.Budget> budgets(PrintWriter out, List<ThroughputBenchmark.VariantResult> throughput,
                                                     GemmFloor.Result floor, PassBenchmark.Result pass,
                                                     long examples, int batch, double growth) {
        double none = ThroughputBenchmark.samplesPerSecond(throughput, ThroughputBenchmark.NO_MONITORS);
        double passShare = pass.monitors().isEmpty() ? 0
                : BenchBudgets.passShare(pass.datasetPass().median(), examples, batch, none, pass.passesPerEpoch());
        double everyEpoch = pass.monitors().isEmpty() ? 0
                : BenchBudgets.passShare(pass.datasetPass().median(), examples, batch, none, 1);
        BenchTables.passShare(out, examples, pass, passShare, everyEpoch);
        var budgets = BenchBudgets.evaluate(BenchBudgets.figures(throughput, floor.samplesPerSecond(),
                pass.ratio().median(), growth, passShare));
        BenchBudgets.print(out, budgets);
        return budgets;
    }

    /** The config's own parse, the worst config within the limits, and the refusal of two bad ones. */
    private ConfigBenchmark.Result config(PrintWriter out, int configRounds) throws IOException {
        Path scratch = Files.createTempDirectory("trainscope-bench-config");
        try {
            var c = ConfigBenchmark.run(config, configRounds, scratch);
            BenchTables.config(out, c);
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
}
