package io.trainscope.report;

import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Metric;
import io.trainscope.core.run.MetricCatalogue.Entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sections of a run's report, built from the declarations alone: sections in the order their
 * first metric is declared, and in each the charts in the order of their first metric. Metrics of
 * a kind that combines ({@link Chart#LINE}, {@link Chart#LAYER_PROFILE}, {@link Chart#BOX}) share
 * a chart when their section and title are equal; every other metric gets its own.
 * {@link Chart#NONE} metrics appear only in the table of all metrics.
 */
final class ReportPlan {

    /** One chart (or table, or row of histogram panels) and the metrics it draws. */
    record Group(Chart chart, List<Metric> metrics) {

        /** The chart's title: its first metric's. */
        String title() {
            return ChartText.title(metrics.get(0));
        }

        /** A page id for the chart, from its first metric. */
        String id() {
            return ChartText.slug(metrics.get(0).name());
        }
    }

    /** One section of the report. */
    record Section(String title, List<Group> groups) {
    }

    private ReportPlan() {
    }

    /** The sections drawing {@code declarations}. */
    static List<Section> sections(Declarations declarations) {
        Map<String, Map<String, Group>> bySection = new LinkedHashMap<>();
        for (Entry e : declarations.entries()) {
            Metric m = e.metric();
            Chart chart = m.drawing().chart();
            if (chart == Chart.NONE) {
                continue;
            }
            boolean combines = chart == Chart.LINE || chart == Chart.LAYER_PROFILE || chart == Chart.BOX;
            String key = chart.id() + "|" + (combines ? ChartText.title(m) : m.name());
            bySection.computeIfAbsent(Declarations.section(e), s -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new Group(chart, new ArrayList<>())).metrics().add(m);
        }
        List<Section> sections = new ArrayList<>();
        bySection.forEach((title, groups) -> sections.add(new Section(title, List.copyOf(groups.values()))));
        return sections;
    }
}
