package io.trainscope.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last section of a run's report: every metric in the file in one collapsible table, with
 * who recorded it, its unit, layers, number of values and first and last value.
 */
final class MetricsIndex {

    private MetricsIndex() {
    }

    static void append(Page page, RunData d) {
        Map<String, List<Series>> byMetric = new TreeMap<>();
        for (Series s : d.allSeries()) {
            byMetric.computeIfAbsent(s.metric(), k -> new ArrayList<>()).add(s);
        }
        List<String> histograms = d.histogramMetrics();
        if (byMetric.isEmpty() && histograms.isEmpty()) {
            return;
        }
        page.section("metrics", "All metrics");
        StringBuilder html = page.html();
        html.append("<details><summary>").append(byMetric.size() + histograms.size())
                .append(" metrics recorded (values, layers, first and last)</summary>\n<table>\n<tr><th>metric</th>"
                        + "<th>monitor</th><th>unit</th><th class=\"num\">layers</th><th class=\"num\">values</th>"
                        + "<th class=\"num\">first</th><th class=\"num\">last</th></tr>\n");
        byMetric.forEach((metric, list) -> scalarRow(html, metric, list));
        for (String h : histograms) {
            histogramRow(html, d, h);
        }
        html.append("</table>\n</details>\n");
        page.end();
    }

    private static void scalarRow(StringBuilder html, String metric, List<Series> list) {
        Series any = list.get(0);
        long values = list.stream().mapToLong(Series::count).sum();
        boolean network = list.size() == 1 && any.layer() == null;
        html.append("<tr><td><code>").append(Html.escape(metric)).append("</code></td><td>")
                .append(Html.escape(any.monitor())).append("</td><td>").append(Html.escape(any.unit()))
                .append("</td><td class=\"num\">").append(network ? "network" : Integer.toString(list.size()))
                .append("</td><td class=\"num\">").append(values).append("</td><td class=\"num\">")
                .append(Html.escape(span(list, true))).append("</td><td class=\"num\">")
                .append(Html.escape(span(list, false))).append("</td></tr>\n");
    }

    private static void histogramRow(StringBuilder html, RunData d, String h) {
        var first = d.firstHistograms(h);
        var last = d.lastHistograms(h);
        long firstIt = first.values().stream().mapToLong(HistogramSnapshot::iteration).min().orElse(0);
        long lastIt = last.values().stream().mapToLong(HistogramSnapshot::iteration).max().orElse(0);
        html.append("<tr><td><code>").append(Html.escape(h)).append("</code></td><td>")
                .append(Html.escape(d.monitorOf(h))).append("</td><td>histogram</td><td class=\"num\">")
                .append(first.size()).append("</td><td class=\"num\">—</td><td class=\"num\">iteration ")
                .append(firstIt).append("</td><td class=\"num\">iteration ").append(lastIt).append("</td></tr>\n");
    }

    /** The first (or last) value, or its range over layers. */
    private static String span(List<Series> list, boolean first) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean nan = false;
        for (Series s : list) {
            double v = (first ? s.first() : s.last()).value();
            if (Double.isNaN(v)) {
                nan = true;
                continue;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min > max) {
            return "NaN";
        }
        String r = min == max ? Html.number(min) : Html.number(min) + " … " + Html.number(max);
        return nan ? r + " (and NaN)" : r;
    }
}
