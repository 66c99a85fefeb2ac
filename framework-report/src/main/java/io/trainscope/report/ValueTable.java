package io.trainscope.report;

import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Metric;

import java.util.List;
import java.util.Optional;

/**
 * A {@link Chart#VALUE} metric: its first value in a small table under the chart's title, next to
 * its expected value (the metric {@link io.trainscope.api.monitor.Drawing#against()} names) and
 * their ratio, with the guide below.
 */
final class ValueTable {

    private ValueTable() {
    }

    /** Appends the table of {@code m} to the page, if it was recorded; returns whether it was. */
    static boolean append(Page page, RunData d, Declarations declarations, Metric m) {
        Optional<Series> value = d.series(m.name());
        if (value.isEmpty()) {
            return false;
        }
        double v = value.get().first().value();
        String against = m.drawing().against();
        Optional<Series> expected = against == null ? Optional.empty() : d.series(against);
        String expectedLabel = against == null ? null
                : declarations.metric(against).map(ChartText::label).orElse(against);
        StringBuilder html = page.html();
        html.append("<h3>").append(Html.escape(ChartText.title(m))).append("</h3>\n<table><tr><th>")
                .append(Html.escape(ChartText.label(m))).append("</th>");
        if (against != null) {
            html.append("<th class=\"num\">").append(Html.escape(expectedLabel)).append("</th><th class=\"num\">ratio</th>");
        }
        html.append("</tr><tr><td class=\"num\">").append(Html.number(v)).append("</td>");
        if (against != null) {
            html.append("<td class=\"num\">").append(expected.map(s -> Html.number(s.first().value())).orElse("—"))
                    .append("</td><td class=\"num\">")
                    .append(expected.map(s -> Html.number(v / s.first().value())).orElse("—")).append("</td>");
        }
        html.append("</tr></table>\n");
        String guide = ChartText.guide(d, List.of(m));
        if (!guide.isEmpty()) {
            page.paragraph("sub", guide);
        }
        return true;
    }
}
