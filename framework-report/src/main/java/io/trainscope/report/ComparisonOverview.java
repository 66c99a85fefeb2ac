package io.trainscope.report;

import io.trainscope.api.monitor.Metric;
import io.trainscope.core.evaluation.Evaluator;
import io.trainscope.core.training.TrainerMetrics;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The first section of a comparison report: one row per run with its colour, status, epochs,
 * training loss, validation accuracy, test metrics, the first value of every network-wide metric
 * declared for comparison, and its findings.
 */
final class ComparisonOverview {

    private ComparisonOverview() {
    }

    static void append(Page page, List<RunData> runs, List<Metric> headlines) {
        page.section("runs", "Runs");
        StringBuilder html = page.html();
        html.append("<table>\n<tr><th></th><th>run</th><th>status</th><th class=\"num\">epochs</th>"
                + "<th class=\"num\">training loss</th><th class=\"num\">validation accuracy</th><th>test</th>");
        for (Metric m : headlines) {
            html.append("<th class=\"num\"><code>").append(Html.escape(m.name())).append("</code> at start</th>");
        }
        html.append("<th>findings</th></tr>\n");
        for (int i = 0; i < runs.size(); i++) {
            row(html, runs.get(i), ChartKit.tab(i), headlines);
        }
        html.append("</table>\n");
        page.end();
    }

    private static void row(StringBuilder html, RunData r, Color c, List<Metric> headlines) {
        html.append("<tr><td><span style=\"display:inline-block;width:14px;height:14px;background:")
                .append(String.format("#%06x", c.getRGB() & 0xffffff)).append("\"></span></td><td><b>")
                .append(Html.escape(r.label())).append("</b><br><code>").append(Html.escape(r.runId()))
                .append("</code></td><td>").append(Html.escape(String.valueOf(r.run().getOrDefault("status", "?"))))
                .append("</td><td class=\"num\">")
                .append(Html.escape(String.valueOf(r.run().getOrDefault("epochs_completed", "?"))))
                .append("</td><td class=\"num\">").append(last(r, TrainerMetrics.EPOCH_LOSS.name()))
                .append("</td><td class=\"num\">").append(last(r, TrainerMetrics.validation(Evaluator.ACCURACY).name()))
                .append("</td><td>").append(Html.escape(test(r))).append("</td>");
        for (Metric m : headlines) {
            html.append("<td class=\"num\">").append(r.series(m.name()).map(s -> Html.number(s.first().value())).orElse("—"))
                    .append("</td>");
        }
        html.append("<td>").append(Html.escape(Html.findingCounts(r.findings()))).append("</td></tr>\n");
    }

    private static String last(RunData r, String metric) {
        return r.series(metric).map(s -> Html.number(s.last().value())).orElse("—");
    }

    private static String test(RunData r) {
        List<String> parts = new ArrayList<>();
        for (Series s : r.allSeries()) {
            if (s.layer() == null && s.metric().startsWith(TrainerMetrics.TEST)) {
                parts.add(s.metric().substring(TrainerMetrics.TEST.length()) + " " + Html.number(s.last().value()));
            }
        }
        return parts.isEmpty() ? "—" : String.join(", ", parts);
    }
}
