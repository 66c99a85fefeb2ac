package io.trainscope.report;

import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.Metric;
import io.trainscope.core.run.MetricCatalogue;
import io.trainscope.core.run.MetricCatalogue.Entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics of a run as declared, which is all a report knows about them: the entries of the
 * run's {@link MetricCatalogue} that have data, in catalogue order (the trainer's, then each
 * monitor's in config order), then any metric the catalogue does not list (a run folder of an
 * older version, a hand-written file), declared by its shape alone: a network value as a line, a
 * per-layer value as per-layer lines, a histogram as histogram panels, in a section named after
 * whoever recorded it.
 */
final class Declarations {

    private final Map<String, Entry> all = new LinkedHashMap<>();
    private final List<Entry> withData = new ArrayList<>();

    private Declarations() {
    }

    /** The declarations of one run. */
    static Declarations of(RunData d) {
        Declarations decl = new Declarations();
        for (Entry e : d.catalogue().entries()) {
            decl.all.put(e.metric().name(), e);
            if (d.has(e.metric().name())) {
                decl.withData.add(e);
            }
        }
        for (Series s : d.allSeries()) {
            if (!decl.all.containsKey(s.metric())) {
                boolean perLayer = !d.layerSeries(s.metric()).isEmpty();
                decl.undeclared(s.monitor(), perLayer ? Metric.layer(s.metric(), unit(s), described(s.monitor()))
                        : Metric.network(s.metric(), unit(s), described(s.monitor())));
            }
        }
        for (String h : d.histogramMetrics()) {
            if (!decl.all.containsKey(h)) {
                decl.undeclared(d.monitorOf(h), Metric.histogram(h, described(d.monitorOf(h))));
            }
        }
        return decl;
    }

    /** The declarations of several runs, the first declaration of a name winning: what a comparison draws. */
    static Declarations union(List<RunData> runs) {
        Declarations union = new Declarations();
        for (RunData r : runs) {
            for (Entry e : of(r).withData) {
                if (!union.all.containsKey(e.metric().name())) {
                    union.all.put(e.metric().name(), e);
                    union.withData.add(e);
                }
            }
        }
        return union;
    }

    private void undeclared(String source, Metric byShape) {
        String who = source == null ? "unknown" : source;
        Entry e = new Entry(who, byShape.drawn(byShape.drawing().in(who)));
        all.put(byShape.name(), e);
        withData.add(e);
    }

    private static String unit(Series s) {
        return s.unit() == null ? "" : s.unit();
    }

    private static String described(String source) {
        return "recorded by " + (source == null ? "an unknown source" : source) + "; not in the run's metric catalogue";
    }

    /** The declared metrics that have data, in order. */
    List<Entry> entries() {
        return withData;
    }

    /** The declaration of a metric name, with data or not. */
    Optional<Metric> metric(String name) {
        return Optional.ofNullable(all.get(name)).map(Entry::metric);
    }

    /** The section a metric is drawn in: declared, else the section named after its source. */
    static String section(Entry e) {
        Drawing d = e.metric().drawing();
        return d.section() != null ? d.section() : e.source();
    }
}
