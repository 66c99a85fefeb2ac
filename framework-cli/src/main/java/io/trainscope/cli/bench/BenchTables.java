package io.trainscope.cli.bench;

import io.trainscope.core.config.ConfigLimits;
import io.trainscope.core.run.Environment;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The text {@code trainscope bench} prints: its header, and the table or line of each measurement. */
public final class BenchTables {

    private BenchTables() {
    }

    /** The header: the config, the machine and native settings, versions, network and rounds. */
    public static void header(PrintWriter out, Path config, BenchEnvironment env, String versions, List<Integer> hidden,
                              int batch, ThroughputBenchmark.Options options) {
        out.println("trainscope bench " + config);
        out.println("  cpu:      " + env.cpu());
        out.println("  threads:  OMP_NUM_THREADS=" + env.ompNumThreads() + ", BLAS threads=" + env.blasThreads()
                + ", OPENBLAS_CORETYPE=" + env.openblasCoretype());
        out.println("  set by:   " + env.nativeSource());
        out.println("  javacpp:  resident-memory check " + Environment.physicalMemoryCheck());
        out.println("  versions: " + versions);
        out.printf(Locale.ROOT, "  network:  %s, batch %d; %d rounds of %d timed iterations after %d warm-up, per variant%n%n",
                hidden, batch, options.rounds(), options.iterations(), options.warmup());
        out.flush();
    }

    /** The training throughput table, each row against the all-core gemm floor (measured over {@code blasThreads}). */
    public static void throughput(PrintWriter out, List<ThroughputBenchmark.VariantResult> rows, GemmFloor.Result floor,
                                  List<Integer> blasThreads) {
        out.printf(Locale.ROOT, "%n%-28s %10s %21s %11s %11s %9s%n", "training throughput", "samples/s", "(min-max)",
                "vs dl4j fit", "vs no mon.", "of floor");
        for (var r : rows) {
            out.printf(Locale.ROOT, "%-28s %10.0f %10.0f-%-10.0f %11.3f %11.3f %8.0f%%%n", r.name(),
                    r.samplesPerSecond().median(), r.samplesPerSecond().min(), r.samplesPerSecond().max(),
                    r.ratioToBare().median(), r.ratioToNoMonitors().median(),
                    100 * r.samplesPerSecond().median() / floor.samplesPerSecond());
        }
        out.printf(Locale.ROOT, "all-core gemm floor (fastest over BLAS threads %s: %d): %.2f ms per iteration (%.2f GFLOP: "
                        + "forward, weight and input gradients), %.0f samples/s; \"vs dl4j fit\" is against bare fit with "
                        + "trainscope's layers%n", blasThreads,
                floor.blasThreads(), floor.secondsPerIteration().median() * 1e3, floor.gflopPerIteration(),
                floor.samplesPerSecond());
    }

    /** DL4J at its own defaults in a JVM of its own, against trainscope with no monitors ({@code none} samples/s). */
    public static void dl4jDefaults(PrintWriter out, Dl4jDefaultsBenchmark.Result r, double none) {
        if (r.failure() != null) {
            out.println("dl4j at its defaults (own JVM): not measured: " + r.failure());
        } else {
            out.printf(Locale.ROOT, "dl4j at its defaults (own JVM, OMP_NUM_THREADS and OPENBLAS_CORETYPE unset, BLAS "
                    + "threads %d; dl4j layers, dl4j fit): %.0f samples/s; trainscope with no monitors is %.2fx that "
                    + "(one run, another JVM)%n", r.blasThreads(), r.samplesPerSecond(), none / r.samplesPerSecond());
        }
    }

    /** The time inside each monitor per iteration, for each row that ran monitors. */
    public static void monitorTimes(PrintWriter out, List<ThroughputBenchmark.VariantResult> rows) {
        for (var r : rows) {
            if (!r.monitorMsPerIteration().isEmpty()) {
                out.printf(Locale.ROOT, "  time inside monitors, %s (ms per iteration): %s%n", r.name(),
                        String.join(", ", r.monitorMsPerIteration().entrySet().stream()
                                .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue())).toList()));
            }
        }
    }

    /** A table of throughput rows without the floor column, titled {@code title}; {@code skipped} (or null) says why it is empty. */
    public static void variants(PrintWriter out, String title, String skipped, List<ThroughputBenchmark.VariantResult> rows) {
        out.printf(Locale.ROOT, "%n%-42s %10s %21s %11s %11s%n", title, "samples/s", "(min-max)", "vs dl4j fit", "vs no mon.");
        if (skipped != null) {
            out.println("  skipped: " + skipped);
        }
        for (var r : rows) {
            out.printf(Locale.ROOT, "%-42s %10.0f %10.0f-%-10.0f %11.3f %11.3f%n", r.name(), r.samplesPerSecond().median(),
                    r.samplesPerSecond().min(), r.samplesPerSecond().max(), r.ratioToBare().median(),
                    r.ratioToNoMonitors().median());
        }
    }

    /** The buffers ND4J creates per iteration in each variant. */
    public static void allocations(PrintWriter out, List<AllocationBenchmark.Row> rows) {
        out.printf(Locale.ROOT, "%n%-28s %22s %16s %20s%n", "nd4j buffers per iteration", "outside workspaces",
                "(bytes)", "in workspaces");
        for (var r : rows) {
            out.printf(Locale.ROOT, "%-28s %22.1f %16.0f %20.1f%n", r.name(), r.outsideWorkspaces(), r.outsideBytes(),
                    r.inWorkspaces());
        }
    }

    /** The monitors' dataset pass against bare output(), and data loading against what fit consumes ({@code fitBatches}/s). */
    public static void passAndData(PrintWriter out, PassBenchmark.Result pass, DataBenchmark.Result data, double fitBatches) {
        out.printf(Locale.ROOT, "%ndataset pass (%s): %.0f examples/s vs bare output() %.0f/s: ratio %.3f (min %.3f); "
                        + "buffers outside workspaces per batch: pass %.1f (%.0f bytes), output() %.1f (%.0f bytes)%n",
                pass.monitors().isEmpty() ? "no monitor asks for one" : String.join(", ", pass.monitors()),
                pass.datasetPass().median(), pass.bareOutput().median(), pass.ratio().median(), pass.ratio().min(),
                pass.passBuffers(), pass.passBytes(), pass.outputBuffers(), pass.outputBytes());
        out.printf(Locale.ROOT, "data: load and prepare %d examples %.3f s (median); batches gathered %.0f/s vs %.0f/s "
                        + "consumed by fit%n", data.examples(), data.prepareSeconds().median(),
                data.batchesPerSecond().median(), fitBatches);
    }

    /** The config's parse, the largest allowed one's, and the refusals. */
    public static void config(PrintWriter out, ConfigBenchmark.Result c) {
        out.printf(Locale.ROOT, "config: this one read in %.1f ms; one scalar of the largest size allowed (%d KiB) "
                        + "%.1f ms; a 5 MB file refused in %.1f ms, nesting deeper than %d in %.1f ms (medians)%s%n",
                c.config().median() * 1e3, ConfigLimits.MAX_BYTES / 1024, c.largestScalar().median() * 1e3,
                c.oversized().median() * 1e3, ConfigLimits.MAX_DEPTH, c.tooDeep().median() * 1e3,
                c.refused() ? "" : "; A BAD CONFIG WAS ACCEPTED");
    }

    /** Command-line start-up; null when not measured for want of the launcher. */
    public static void startup(PrintWriter out, StartupBenchmark.Result startup) {
        if (startup == null) {
            out.println("start-up: not measured (run through the ./trainscope launcher to measure it)");
            return;
        }
        out.printf(Locale.ROOT, "start-up: --help %.2f s, plugins %.2f s, first training iteration after %.2f s "
                + "(medians of 3)%n", startup.help().median(), startup.plugins().median(), startup.firstIteration().median());
    }

    /** The long run with every monitor on; null when skipped. */
    public static void memory(PrintWriter out, MemoryBenchmark.Result m) {
        if (m == null) {
            out.println("memory: not measured (--memory-epochs 0)");
            return;
        }
        out.printf(Locale.ROOT, "memory, %d epochs of %d iterations, every monitor every iteration: resident %.1f MiB after "
                        + "epoch 1, %.1f after epoch %d, %.1f after epoch %d; growth over epochs %d-%d: resident %.3f MiB "
                        + "per epoch, ND4J native %.3f MiB per epoch (%.1f to %.1f MiB)%n", m.epochs(), m.iterationsPerEpoch(),
                m.residentMiB()[0], m.residentMiB()[m.fitFrom()], m.fitFrom() + 1, m.residentMiB()[m.epochs() - 1],
                m.epochs(), m.fitFrom() + 1, m.epochs(), m.residentGrowth(), m.nativeGrowth(), m.nativeMiB()[m.fitFrom()],
                m.nativeMiB()[m.epochs() - 1]);
    }

    /**
     * The dataset passes' amortized share of an iteration with no monitors at the default schedule
     * ({@code passShare}) and, for comparison, with a pass after every epoch ({@code everyEpoch}).
     */
    public static void passShare(PrintWriter out, long examples, PassBenchmark.Result pass, double passShare,
                                 double everyEpoch) {
        if (pass.monitors().isEmpty()) {
            out.printf(Locale.ROOT, "dataset pass amortized: no monitor asks for one at its defaults%n");
            return;
        }
        out.printf(Locale.ROOT, "dataset pass amortized: the default schedule (%s) makes %.3f passes per epoch of %d "
                + "examples: they add %.1f%% to an iteration with no monitors (a pass after every epoch: %.1f%%); the "
                + "training-start pass, one per run, is not counted%n", String.join(", ", pass.monitors()),
                pass.passesPerEpoch(), examples, 100 * passShare, 100 * everyEpoch);
    }
}
