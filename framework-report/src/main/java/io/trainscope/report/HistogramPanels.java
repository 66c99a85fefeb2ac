package io.trainscope.report;

import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Histogram;
import io.trainscope.api.monitor.Metric;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The {@link Chart#HISTOGRAM} metrics of a section as seed 000's figure: one panel per metric
 * with the densities of layers 0, 3, 6 and the last as step lines, a row of panels at the first
 * recorded iteration and another at the last.
 */
final class HistogramPanels {

    private HistogramPanels() {
    }

    /**
     * Appends the rows of panels of {@code metrics} (declared histograms with data) to the page;
     * panels are {@code hist-first-<metric>} and {@code hist-last-<metric>}.
     */
    static void append(Page page, RunData d, List<Metric> metrics) {
        page.paragraph("sub", "The density of each quantity in layers 0, 3, 6 and the last (or all layers when there "
                + "are four or fewer), as step lines, as in seed 000's figure.");
        TreeSet<Long> firstIts = new TreeSet<>();
        TreeSet<Long> lastIts = new TreeSet<>();
        for (Metric m : metrics) {
            d.firstHistograms(m.name()).values().forEach(h -> firstIts.add(h.iteration()));
            d.lastHistograms(m.name()).values().forEach(h -> lastIts.add(h.iteration()));
        }
        row(page, d, metrics, "First recorded (iteration " + firstIts.first() + ")", "hist-first-",
                m -> d.firstHistograms(m.name()));
        if (!firstIts.equals(lastIts)) {
            row(page, d, metrics, "Last recorded (iteration " + lastIts.last() + ")", "hist-last-",
                    m -> d.lastHistograms(m.name()));
        }
    }

    private static void row(Page page, RunData d, List<Metric> metrics, String heading, String prefix,
                            Function<Metric, Map<Integer, HistogramSnapshot>> snapshots) {
        page.heading(heading);
        page.openPanels();
        for (Metric m : metrics) {
            page.figure(panel(d, m, snapshots.apply(m), prefix + ChartText.slug(m.name())));
        }
        page.closePanels();
    }

    /** Seed 000's layers: 0, 3, 6 and the last (in general 0, s, 2s, last with s = (n - 1) / 3). */
    static List<Integer> chosenLayers(List<Integer> layers) {
        int n = layers.size();
        if (n <= 4) {
            return layers;
        }
        int step = Math.max(1, (n - 1) / 3);
        TreeSet<Integer> picked = new TreeSet<>();
        picked.add(layers.get(0));
        picked.add(layers.get(Math.min(n - 1, step)));
        picked.add(layers.get(Math.min(n - 1, 2 * step)));
        picked.add(layers.get(n - 1));
        return List.copyOf(picked);
    }

    /**
     * One panel of the three-panel figure: the densities of {@code metric} in the chosen layers,
     * drawn as step lines on bins shared by those layers, as seed 000 draws them (matplotlib's
     * {@code hist([...], bins=50, density=True, histtype='step')} bins all arrays alike), so a layer
     * whose values all fall in one bin shows as a spike of height 1 / bin width instead of
     * dwarfing the others.
     */
    static Figure panel(RunData d, Metric metric, Map<Integer, HistogramSnapshot> snapshots, String id) {
        String title = ChartText.title(metric);
        String axis = metric.drawing().axis() != null ? metric.drawing().axis() : "value";
        List<Integer> layers = chosenLayers(new ArrayList<>(snapshots.keySet()));
        List<Histogram> chosen = layers.stream().map(l -> snapshots.get(l).histogram()).toList();
        double[] edges = commonEdges(chosen);
        List<ChartKit.Line> lines = new ArrayList<>();
        TreeSet<Long> iterations = new TreeSet<>();
        for (int i = 0; i < layers.size(); i++) {
            HistogramSnapshot h = snapshots.get(layers.get(i));
            iterations.add(h.iteration());
            double[][] step = stepDensity(edges, rebin(h.histogram(), edges));
            String name = h.layer() == null ? "network" : d.layerName(h.layer());
            lines.add(new ChartKit.Line(name, step[0], step[1], ChartKit.tab(i), false, false));
        }
        String when = iterations.size() == 1 ? "iteration " + iterations.first()
                : "iterations " + iterations.first() + "–" + iterations.last();
        JFreeChart chart = ChartKit.xyLines(title, when, axis, "probability density", lines, false, false, null);
        chart.getXYPlot().getRangeAxis().setLowerBound(0);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(true);
        return new Figure(id, chart, 340, 300, "");
    }

    /** Equal bins over the union of the histograms' ranges, as many as the finest of them has. */
    static double[] commonEdges(List<Histogram> histograms) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        int bins = 1;
        for (Histogram h : histograms) {
            low = Math.min(low, h.edges()[0]);
            high = Math.max(high, h.edges()[h.edges().length - 1]);
            bins = Math.max(bins, h.counts().length);
        }
        if (!(high > low)) {
            double centre = Double.isFinite(low) ? low : 0;
            low = centre - 0.5;
            high = centre + 0.5;
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = low + (high - low) * i / bins;
        }
        edges[bins] = high;
        return edges;
    }

    /**
     * Moves a histogram's counts onto other edges, splitting each source bin in proportion to its
     * overlap with the target bins (values are taken as uniform within a bin); a bin of zero width
     * goes whole to the target bin that holds it. The total is kept.
     */
    static double[] rebin(Histogram h, double[] edges) {
        double[] e = h.edges();
        long[] c = h.counts();
        int n = edges.length - 1;
        double[] out = new double[n];
        for (int i = 0; i < c.length; i++) {
            if (c[i] == 0) {
                continue;
            }
            double a = e[i];
            double b = e[i + 1];
            if (!(b > a)) {
                out[binOf(edges, a)] += c[i];
                continue;
            }
            int first = binOf(edges, a);
            int last = binOf(edges, b);
            for (int j = first; j <= last; j++) {
                double overlap = Math.min(b, edges[j + 1]) - Math.max(a, edges[j]);
                if (overlap > 0) {
                    out[j] += c[i] * overlap / (b - a);
                }
            }
        }
        return out;
    }

    private static int binOf(double[] edges, double v) {
        int n = edges.length - 1;
        int i = Arrays.binarySearch(edges, v);
        int bin = i >= 0 ? i : -i - 2;
        return Math.max(0, Math.min(n - 1, bin));
    }

    /** Step-line outline of a density histogram: x and y arrays from the first edge to the last, down to 0 at both. */
    static double[][] stepDensity(Histogram h) {
        double[] counts = new double[h.counts().length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = h.counts()[i];
        }
        return stepDensity(h.edges(), counts);
    }

    /** The same for (possibly fractional) counts on the given edges. */
    static double[][] stepDensity(double[] e, double[] c) {
        double total = 0;
        for (double v : c) {
            total += v;
        }
        total = Math.max(total, 1e-300);
        int n = c.length;
        double[] x = new double[2 * n + 2];
        double[] y = new double[2 * n + 2];
        x[0] = e[0];
        y[0] = 0;
        for (int i = 0; i < n; i++) {
            double width = e[i + 1] - e[i];
            double density = c[i] / (total * (width > 0 ? width : 1));
            x[2 * i + 1] = e[i];
            y[2 * i + 1] = density;
            x[2 * i + 2] = e[i + 1];
            y[2 * i + 2] = density;
        }
        x[2 * n + 1] = e[n];
        y[2 * n + 1] = 0;
        return new double[][]{x, y};
    }

}
