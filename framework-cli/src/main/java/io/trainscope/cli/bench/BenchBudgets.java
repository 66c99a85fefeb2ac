package io.trainscope.cli.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The performance budgets of {@code trainscope bench} (issue 17, docs/performance.md), evaluated
 * from the figures the bench measures: each with its value, its threshold and pass, miss or "not
 * measured" (a figure the bench did not take is NaN).
 */
public final class BenchBudgets {

    /** Resident-memory growth per epoch that still counts as flat, in MiB. */
    static final double FLAT_MIB_PER_EPOCH = 1.0;

    /** The figures the budgets are computed from; NaN for one not measured. */
    public record Figures(double noMonitorsShareOfFloor, double defaultVsNoMonitors, double every10VsNoMonitors,
                          double every1VsNoMonitors, double deadNeuronPassVsOutput, double trainerVsBareFit,
                          double memoryGrowthMiBPerEpoch) {
    }

    /** One budget: {@code value} must be at least (or, when {@code atMost}, at most) {@code threshold}. */
    public record Budget(String name, double value, double threshold, boolean atMost) {

        /** "pass", "miss", or "not measured". */
        public String status() {
            if (!Double.isFinite(value)) {
                return "not measured";
            }
            return (atMost ? value <= threshold : value >= threshold) ? "pass" : "miss";
        }
    }

    private BenchBudgets() {
    }

    /**
     * The share of an iteration with no monitors that the dataset passes add to each iteration, at
     * {@code passesPerEpoch} passes per epoch (1: a pass after every epoch; 0.1: every 10th); 0
     * without a pass.
     */
    public static double passShare(double passExamplesPerSecond, long examplesPerEpoch, int batch,
                                   double noMonitorsSamplesPerSecond, double passesPerEpoch) {
        if (!(passExamplesPerSecond > 0) || !(noMonitorsSamplesPerSecond > 0) || !(passesPerEpoch > 0)) {
            return 0;
        }
        double passSecondsPerIteration = passesPerEpoch * examplesPerEpoch / passExamplesPerSecond
                / Math.ceil(examplesPerEpoch / (double) batch);
        return passSecondsPerIteration / (batch / noMonitorsSamplesPerSecond);
    }

    /**
     * Full passes per epoch in the long run when passes come at training start and after every
     * k-th epoch, for each k of {@code everyEpochs} (one pass serves every monitor that wants one
     * after an epoch): the share of epochs after which some k asks for one. The training-start
     * pass, one per run, is not counted. 0 for none.
     */
    public static double passesPerEpoch(List<Integer> everyEpochs) {
        int epochs = 100_800;   // a multiple of 1..10 and of every k up to 16 but 11 and 13
        int passes = 0;
        for (int e = 1; e <= epochs; e++) {
            int epoch = e;
            if (everyEpochs.stream().anyMatch(k -> k > 0 && epoch % k == 0)) {
                passes++;
            }
        }
        return passes / (double) epochs;
    }

    /**
     * The figures from the throughput rows (found by name; a missing row gives NaN), the all-core
     * floor in samples/s, the dataset pass's ratio to bare {@code output()} and the memory growth.
     */
    public static Figures figures(List<ThroughputBenchmark.VariantResult> throughput, double floorSamplesPerSecond,
                                  double passRatio, double memoryGrowthMiBPerEpoch) {
        return figures(throughput, floorSamplesPerSecond, passRatio, memoryGrowthMiBPerEpoch, 0);
    }

    /**
     * As above, with the default monitors' dataset passes amortized in: {@code passShare} is the
     * passes' time per training iteration ({@link #passShare}, at the default schedule's passes
     * per epoch) as a share of an iteration with no monitors, added to the default monitors' iteration time (the throughput
     * rows time the iterations only, the pass runs between epochs).
     */
    public static Figures figures(List<ThroughputBenchmark.VariantResult> throughput, double floorSamplesPerSecond,
                                  double passRatio, double memoryGrowthMiBPerEpoch, double passShare) {
        return new Figures(
                row(throughput, ThroughputBenchmark.NO_MONITORS, r -> r.samplesPerSecond().median()) / floorSamplesPerSecond,
                1 / (1 / row(throughput, ThroughputBenchmark.DEFAULT_MONITORS, r -> r.ratioToNoMonitors().median())
                        + passShare),
                row(throughput, ThroughputBenchmark.EVERY_10, r -> r.ratioToNoMonitors().median()),
                row(throughput, ThroughputBenchmark.EVERY_1, r -> r.ratioToNoMonitors().median()),
                passRatio,
                row(throughput, ThroughputBenchmark.NO_MONITORS, r -> r.ratioToBare().median()),
                memoryGrowthMiBPerEpoch);
    }

    private static double row(List<ThroughputBenchmark.VariantResult> rows, String name,
                              ToDoubleFunction<ThroughputBenchmark.VariantResult> figure) {
        return rows.stream().filter(r -> r.name().equals(name)).mapToDouble(figure).findFirst().orElse(Double.NaN);
    }

    /** Every budget of issue 17's "Done when", in its order. */
    public static List<Budget> evaluate(Figures f) {
        return List.of(
                new Budget("trainscope, no monitors, share of the all-core gemm floor", f.noMonitorsShareOfFloor(), 0.8, false),
                new Budget("default monitors (pass amortized) vs no monitors", f.defaultVsNoMonitors(), 0.97, false),
                new Budget("every monitor every 10 iterations vs no monitors", f.every10VsNoMonitors(), 0.95, false),
                new Budget("every monitor every iteration vs no monitors", f.every1VsNoMonitors(), 0.75, false),
                new Budget("dead-neuron (dataset) pass vs bare output()", f.deadNeuronPassVsOutput(), 0.9, false),
                new Budget("trainer, no monitors, vs bare dl4j fit", f.trainerVsBareFit(), 0.98, false),
                new Budget("resident memory growth, MiB per epoch", f.memoryGrowthMiBPerEpoch(), FLAT_MIB_PER_EPOCH, true));
    }

    /** Prints the budgets as a table: name, value, threshold, status. */
    public static void print(PrintWriter out, List<Budget> budgets) {
        out.printf(Locale.ROOT, "%nbudgets (issue 17, docs/performance.md):%n");
        for (Budget b : budgets) {
            out.printf(Locale.ROOT, "  %-58s %8s  %s %-5s %s%n", b.name(),
                    Double.isFinite(b.value()) ? String.format(Locale.ROOT, "%.3f", b.value()) : "-",
                    b.atMost() ? "<=" : ">=", String.format(Locale.ROOT, "%.2f", b.threshold()), b.status());
        }
        out.flush();
    }
}
