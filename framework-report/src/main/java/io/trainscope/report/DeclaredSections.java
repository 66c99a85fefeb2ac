package io.trainscope.report;

import io.trainscope.api.monitor.Metric;
import io.trainscope.report.ReportPlan.Group;
import io.trainscope.report.ReportPlan.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The sections of a run's report that show its metrics, each chart chosen by the kind its metrics
 * declare (see {@link ReportPlan}); a section whose metrics drew nothing is left out.
 */
final class DeclaredSections {

    private DeclaredSections() {
    }

    /** Appends every section with something to show. */
    static void append(Page page, RunData d) {
        Declarations declarations = Declarations.of(d);
        for (Section s : ReportPlan.sections(declarations)) {
            List<Consumer<Page>> parts = parts(d, declarations, s);
            if (!parts.isEmpty()) {
                page.section(ChartText.slug(s.title()), s.title());
                parts.forEach(p -> p.accept(page));
                page.end();
            }
        }
    }

    /** What a section shows, in order; histogram panels go where its first histogram is declared. */
    private static List<Consumer<Page>> parts(RunData d, Declarations declarations, Section s) {
        List<Consumer<Page>> parts = new ArrayList<>();
        List<Metric> histograms = new ArrayList<>();
        for (Group g : s.groups()) {
            Metric first = g.metrics().get(0);
            switch (g.chart()) {
                case VALUE -> {
                    if (d.series(first.name()).isPresent()) {
                        parts.add(p -> ValueTable.append(p, d, declarations, first));
                    }
                }
                case LINE -> add(parts, LineCharts.figure(d, g));
                case LAYER_LINES -> add(parts, LayerCharts.lines(d, first));
                case LAYER_BARS -> {
                    Optional<String> zero = LayerCharts.zero(d, first);
                    zero.ifPresent(sentence -> parts.add(p -> p.paragraph(null, sentence)));
                    add(parts, LayerCharts.bars(d, first));
                }
                case LAYER_PROFILE -> add(parts, LayerCharts.profile(d, g));
                case BOX -> add(parts, BoxCharts.figure(d, g));
                case VIOLIN -> add(parts, ViolinCharts.figure(d, first, g.id()));
                case HISTOGRAM -> {
                    if (!d.firstHistograms(first.name()).isEmpty()) {
                        if (histograms.isEmpty()) {
                            parts.add(p -> HistogramPanels.append(p, d, histograms));
                        }
                        histograms.add(first);
                    }
                }
                default -> {
                }
            }
        }
        return parts;
    }

    private static void add(List<Consumer<Page>> parts, Optional<Figure> figure) {
        figure.ifPresent(f -> parts.add(p -> p.figure(f)));
    }
}
