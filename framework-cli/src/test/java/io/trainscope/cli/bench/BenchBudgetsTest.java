package io.trainscope.cli.bench;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The budgets of issue 17 evaluated on fixed figures (no measurement). */
class BenchBudgetsTest {

    private static ThroughputBenchmark.VariantResult row(String name, double samplesPerSecond, double toBare,
                                                         double toNone) {
        return new ThroughputBenchmark.VariantResult(name, Stats.of(new double[]{samplesPerSecond}),
                Stats.of(new double[]{toBare}), Stats.of(new double[]{toNone}), Map.of());
    }

    private static final List<ThroughputBenchmark.VariantResult> ROWS = List.of(
            row(ThroughputBenchmark.STOCK, 9_000, 0.55, 0.5),
            row(ThroughputBenchmark.BASELINE, 16_400, 1.0, 1.01),
            row(ThroughputBenchmark.NO_MONITORS, 16_216, 0.989, 1.0),
            row(ThroughputBenchmark.DEFAULT_MONITORS, 15_625, 0.95, 0.959),
            row(ThroughputBenchmark.EVERY_10, 15_500, 0.94, 0.955),
            row(ThroughputBenchmark.EVERY_1, 11_000, 0.7, 0.74));

    @Test
    void evaluatesEveryBudgetOfTheIssueFromTheMeasuredRows() {
        var budgets = BenchBudgets.evaluate(BenchBudgets.figures(ROWS, 26_596, 0.878, Double.NaN));
        assertThat(budgets).extracting(BenchBudgets.Budget::status)
                .containsExactly("miss", "miss", "pass", "miss", "miss", "pass", "not measured");
        assertThat(budgets.get(0).value()).isCloseTo(16_216 / 26_596.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(budgets.get(5).value()).isEqualTo(0.989);
    }

    @Test
    void thresholdsAreInclusiveAndMemoryGrowthMustStayAtMostTheLimit() {
        var exact = BenchBudgets.evaluate(new BenchBudgets.Figures(0.8, 0.97, 0.95, 0.75, 0.9, 0.98, 1.0));
        assertThat(exact).allMatch(b -> b.status().equals("pass"));
        var growing = BenchBudgets.evaluate(new BenchBudgets.Figures(0.9, 1, 1, 1, 1, 1, 4.5));
        assertThat(growing.get(6).status()).isEqualTo("miss");
    }

    @Test
    void theDatasetPassIsAmortizedIntoTheDefaultMonitorsRow() {
        // 8,000 examples, batch 250: 32 iterations; a pass at 40,000 examples/s takes 0.2 s, 6.25 ms per
        // iteration; an iteration with no monitors at 16,216 samples/s takes 15.4 ms: a share of 0.405
        double share = BenchBudgets.passShare(40_000, 8_000, 250, 16_216, 1);
        assertThat(share).isCloseTo(0.00625 / (250 / 16_216.0), org.assertj.core.data.Offset.offset(1e-12));
        var budgets = BenchBudgets.evaluate(BenchBudgets.figures(ROWS, 26_596, 0.95, 0.2, share));
        assertThat(budgets.get(1).value()).isCloseTo(1 / (1 / 0.959 + share), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(budgets.get(1).status()).isEqualTo("miss");
        assertThat(BenchBudgets.passShare(Double.NaN, 8_000, 250, 16_216, 1)).isZero();
        assertThat(BenchBudgets.passShare(40_000, 8_000, 250, 16_216, 0.1)).isCloseTo(share / 10,
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void passesPerEpochFollowTheSchedulesOfTheMonitorsThatAskForThem() {
        assertThat(BenchBudgets.passesPerEpoch(List.of(1))).isEqualTo(1.0);
        assertThat(BenchBudgets.passesPerEpoch(List.of(10))).isEqualTo(0.1);
        assertThat(BenchBudgets.passesPerEpoch(List.of(2, 3))).as("after epochs 2, 3, 4, 6 of every 6")
                .isCloseTo(4 / 6.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(BenchBudgets.passesPerEpoch(List.of())).isZero();
    }

    @Test
    void aMissingRowIsNotMeasuredAndThePrintedTableSaysSo() {
        var budgets = BenchBudgets.evaluate(BenchBudgets.figures(ROWS.subList(0, 3), 20_000, 0.95, 0.2));
        assertThat(budgets.get(1).status()).isEqualTo("not measured");
        StringWriter text = new StringWriter();
        BenchBudgets.print(new PrintWriter(text), budgets);
        assertThat(text.toString()).contains("default monitors (pass amortized) vs no monitors", "-  >= 0.97  not measured",
                "0.811  >= 0.80  pass", "0.200  <= 1.00  pass");
    }
}
