package io.trainscope.report;

import io.trainscope.api.monitor.Histogram;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The charts of a single-run report, each built from {@link RunData} only when its metrics are
 * present (an empty {@link Optional} or list otherwise), so a run with two monitors gets a short,
 * clean report and a run with all of them gets every chart.
 */
final class RunCharts {

    static final String TRAIN_LOSS = "train.loss";
    static final String EPOCH_LOSS = "epoch.train.loss";
    static final String VALIDATION_LOSS = "validation.loss";
    static final String GRADIENT_NORM = "layer.gradient.norm";
    static final String GRADIENT_RATIO = "gradient.norm.ratio";
    static final String UPDATE_RATIO = "layer.update.ratio";
    static final String FORWARD_VARIANCE = "layer.forward.variance.ratio";
    static final String BACKWARD_VARIANCE = "layer.backward.variance.ratio";
    static final String FORWARD_PRODUCT = "network.forward.variance.product";
    static final String BACKWARD_PRODUCT = "network.backward.variance.product";
    static final String[] PERCENTILES = {"p05", "p25", "p50", "p75", "p95"};

    /** Histogram metrics the report knows, seed 000's three panels first: title, x-axis label. */
    static final Map<String, String[]> KNOWN_HISTOGRAMS = new LinkedHashMap<>();

    static {
        KNOWN_HISTOGRAMS.put("layer.weight.histogram", new String[]{"Weights", "weight"});
        KNOWN_HISTOGRAMS.put("layer.activation.histogram", new String[]{"Activations", "activation"});
        KNOWN_HISTOGRAMS.put("layer.gradient.log10.histogram",
                new String[]{"Weight gradients, log10 |g|", "log10(|gradient of weights|)"});
        KNOWN_HISTOGRAMS.put("layer.preactivation.histogram", new String[]{"Pre-activations", "pre-activation z"});
        KNOWN_HISTOGRAMS.put("layer.gradient.histogram", new String[]{"Weight gradients", "gradient of weights"});
    }

    /** Above this many points a line is drawn without point markers. */
    private static final int SHAPES_UP_TO = 40;

    private RunCharts() {
    }

    // ---------------------------------------------------------------- training curves

    /** Batch loss per iteration (bucketed, min-max shaded), epoch mean and validation loss. */
    static Optional<Figure> loss(RunData d) {
        Optional<Series> batch = d.series(TRAIN_LOSS);
        Optional<Series> epoch = d.series(EPOCH_LOSS);
        Optional<Series> validation = d.series(VALIDATION_LOSS);
        if (batch.isEmpty() && epoch.isEmpty() && validation.isEmpty()) {
            return Optional.empty();
        }
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        batch.ifPresent(s -> s.points().forEach(p -> extend(range, p.min(), p.max())));
        epoch.ifPresent(s -> s.points().forEach(p -> extend(range, p.value(), p.value())));
        validation.ifPresent(s -> s.points().forEach(p -> extend(range, p.value(), p.value())));
        boolean log = ChartKit.wantsLog(range[0], range[1]);
        int[] dropped = {0};

        YIntervalSeriesCollection band = new YIntervalSeriesCollection();
        batch.ifPresent(s -> {
            YIntervalSeries ys = new YIntervalSeries("training loss (batch)", false, true);
            for (Series.Point p : s.points()) {
                if (log && p.min() <= 0) {
                    dropped[0]++;
                    continue;
                }
                ys.add(p.iteration(), p.value(), p.min(), p.max());
            }
            band.addSeries(ys);
        });
        XYSeriesCollection marks = new XYSeriesCollection();
        List<Color> markColors = new ArrayList<>();
        epoch.ifPresent(s -> {
            marks.addSeries(xy("training loss (epoch mean)", s, log, dropped));
            markColors.add(ChartKit.tab(1));
        });
        validation.ifPresent(s -> {
            marks.addSeries(xy("validation loss", s, log, dropped));
            markColors.add(ChartKit.tab(2));
        });

        JFreeChart chart = ChartKit.themed(ChartFactory.createXYLineChart("Loss", "iteration", "loss", band,
                PlotOrientation.VERTICAL, true, false, false));
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer dev = new DeviationRenderer(true, false);
        dev.setSeriesPaint(0, ChartKit.tab(0));
        dev.setSeriesFillPaint(0, new Color(0x1f, 0x77, 0xb4, 60));
        dev.setSeriesStroke(0, ChartKit.stroke(false, 1.4f));
        dev.setAlpha(0.25f);
        plot.setRenderer(0, dev);
        plot.setDataset(1, marks);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < markColors.size(); i++) {
            r.setSeriesPaint(i, markColors.get(i));
            r.setSeriesStroke(i, ChartKit.stroke(false, 2f));
            r.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        plot.setRenderer(1, r);
        NumberAxis x = new NumberAxis("iteration");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setDomainAxis(x);
        plot.setRangeAxis(log ? ChartKit.logAxis("loss", range[0], range[1]) : ChartKit.numberAxis("loss"));
        ChartKit.finish(chart, null);

        StringBuilder caption = new StringBuilder();
        batch.ifPresent(s -> {
            caption.append("Batch loss: ").append(s.count()).append(" values");
            if (s.downsampled()) {
                caption.append(", drawn as ").append(s.points().size()).append(" bucket means (")
                        .append(s.bucketWidth()).append(" iterations each) with each bucket's min–max shaded");
            }
            caption.append(". ");
        });
        caption.append("Epoch values sit at the iteration the epoch ended.");
        note(caption, dropped[0], log);
        return Optional.of(new Figure("loss", chart, Figure.WIDE, Figure.TALL, caption.toString()));
    }

    /** Validation metrics other than the loss (accuracy first), per epoch. */
    static Optional<Figure> validation(RunData d) {
        List<Series> metrics = new ArrayList<>();
        for (Series s : d.allSeries()) {
            if (s.layer() == null && s.metric().startsWith("validation.") && !s.metric().equals(VALIDATION_LOSS)) {
                metrics.add(s);
            }
        }
        if (metrics.isEmpty()) {
            return Optional.empty();
        }
        metrics.sort((a, b) -> a.metric().equals("validation.accuracy") ? -1 : b.metric().equals("validation.accuracy") ? 1
                : a.metric().compareTo(b.metric()));
        boolean onlyAccuracy = metrics.size() == 1 && metrics.get(0).metric().equals("validation.accuracy");
        List<ChartKit.Line> lines = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            Series s = metrics.get(i);
            Map<Integer, Series.Sample> byEpoch = s.byEpoch();
            double[] x = new double[byEpoch.size()];
            double[] y = new double[byEpoch.size()];
            int k = 0;
            for (var e : byEpoch.entrySet()) {
                x[k] = e.getKey() + 1;
                y[k++] = e.getValue().value();
            }
            lines.add(new ChartKit.Line(s.metric().substring("validation.".length()), x, y, ChartKit.tab(i + 2), false,
                    x.length <= SHAPES_UP_TO));
        }
        int[] dropped = {0};
        JFreeChart chart = ChartKit.xyLines(onlyAccuracy ? "Validation accuracy" : "Validation metrics", null,
                "epochs completed", onlyAccuracy ? "accuracy" : "value", lines, false, true, dropped);
        if (onlyAccuracy) {
            chart.getXYPlot().getRangeAxis().setRange(0, 1.0001);
        }
        StringBuilder caption = new StringBuilder("Measured on the validation split after each epoch; "
                + "test metrics of the final model are in the summary.");
        note(caption, dropped[0], false);
        return Optional.of(new Figure("validation", chart, Figure.WIDE, 340, caption.toString()));
    }

    // ---------------------------------------------------------------- gradients

    /** Per-layer weight-gradient norm over iterations, log scale, one line per layer. */
    static Optional<Figure> gradientNorms(RunData d) {
        return perLayerOverTime(d, GRADIENT_NORM, "gradient-norms", "Weight-gradient norm per layer", "L2 norm of dL/dW",
                "One line per layer, from the input (dark) to the output (light): lines far apart mean gradients "
                        + "shrink or grow from layer to layer.", null);
    }

    /** The first-to-last hidden-layer gradient-norm ratio over iterations. */
    static Optional<Figure> gradientRatio(RunData d) {
        Optional<Series> ratio = d.series(GRADIENT_RATIO);
        if (ratio.isEmpty()) {
            return Optional.empty();
        }
        ChartKit.Line line = line("first / last hidden layer", ratio.get(), ChartKit.tab(3), false);
        int[] dropped = {0};
        JFreeChart chart = ChartKit.xyLines("Gradient-norm ratio, first / last hidden layer", null, "iteration",
                "ratio", List.of(line), true, true, dropped, 1.0);
        chart.getXYPlot().addRangeMarker(ChartKit.marker(1.0, "1: equal norms"));
        StringBuilder caption = new StringBuilder("Far below 1: gradients vanish before they reach the first layer; "
                + "far above 1: they explode. ");
        Series.Sample first = ratio.get().first();
        caption.append("At iteration ").append(first.iteration()).append(": ").append(Html.number(first.value())).append('.');
        note(caption, dropped[0], true);
        return Optional.of(new Figure("gradient-ratio", chart, Figure.WIDE, 320, caption.toString()));
    }

    /** Per-layer update ratio ||ΔW|| / ||W|| over iterations, log scale. */
    static Optional<Figure> updateRatios(RunData d) {
        return perLayerOverTime(d, UPDATE_RATIO, "update-ratio", "Update ratio per layer, ||ΔW|| / ||W||", "update ratio",
                "How far each step moves a layer's weights relative to their size; around 1e-3 is the usual "
                        + "rule of thumb: much lower learns slowly, much higher is unstable.", 1e-3);
    }

    private static Optional<Figure> perLayerOverTime(RunData d, String metric, String id, String title, String yLabel,
                                                     String text, Double reference) {
        Map<Integer, Series> layers = d.layerSeries(metric);
        if (layers.isEmpty()) {
            return Optional.empty();
        }
        List<ChartKit.Line> lines = new ArrayList<>();
        int i = 0;
        boolean downsampled = false;
        for (var e : layers.entrySet()) {
            lines.add(line(d.layerName(e.getKey()), e.getValue(), ChartKit.ramp(i++, layers.size()), false));
            downsampled |= e.getValue().downsampled();
        }
        int[] dropped = {0};
        JFreeChart chart = reference == null ? ChartKit.xyLines(title, null, "iteration", yLabel, lines, true, true, dropped)
                : ChartKit.xyLines(title, null, "iteration", yLabel, lines, true, true, dropped, reference);
        if (reference != null) {
            chart.getXYPlot().addRangeMarker(ChartKit.marker(reference, Html.number(reference)));
        }
        StringBuilder caption = new StringBuilder(text);
        if (downsampled) {
            caption.append(" Long series are drawn as bucket means (at most ").append(Series.MAX_POINTS)
                    .append(" points per line).");
        }
        note(caption, dropped[0], true);
        return Optional.of(new Figure(id, chart, Figure.WIDE, Figure.TALL, caption.toString()));
    }

    // ---------------------------------------------------------------- histograms

    /** The histogram metrics present, known ones first in seed 000's order, then the rest by name. */
    static List<String> histogramMetrics(RunData d) {
        List<String> present = d.histogramMetrics();
        List<String> out = new ArrayList<>();
        for (String known : KNOWN_HISTOGRAMS.keySet()) {
            if (present.contains(known)) {
                out.add(known);
            }
        }
        for (String m : present) {
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        return out;
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
    static Figure histogramPanel(RunData d, String metric, Map<Integer, HistogramSnapshot> snapshots, String id) {
        String[] known = KNOWN_HISTOGRAMS.getOrDefault(metric, new String[]{metric, "value"});
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
        JFreeChart chart = ChartKit.xyLines(known[0], when, known[1], "probability density", lines, false, false, null);
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
        int i = java.util.Arrays.binarySearch(edges, v);
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

    // ---------------------------------------------------------------- distributions over time

    /**
     * Seed 004's violins as box plots: per layer, the distribution of weights (or gradients) at up
     * to four points in time, from the percentile metrics {@code <prefix>.p05 ... p95}.
     */
    static Optional<Figure> boxes(RunData d, String prefix, String id, String title, String valueLabel) {
        Map<Integer, Series> medians = d.layerSeries(prefix + ".p50");
        if (medians.isEmpty() || d.layerSeries(prefix + ".p25").isEmpty() || d.layerSeries(prefix + ".p75").isEmpty()) {
            return Optional.empty();
        }
        TreeSet<Long> all = new TreeSet<>();
        medians.values().forEach(s -> all.addAll(s.snapshots().keySet()));
        List<Long> chosen = spread(new ArrayList<>(all), 4);
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        Map<Integer, Series> means = d.layerSeries(prefix + ".mean");
        int boxes = 0;
        for (long iteration : chosen) {
            String row = "iteration " + iteration;
            for (var e : medians.entrySet()) {
                int layer = e.getKey();
                Double[] q = new Double[PERCENTILES.length];
                for (int p = 0; p < PERCENTILES.length; p++) {
                    q[p] = valueAt(d.series(prefix + "." + PERCENTILES[p], layer).orElse(null), iteration);
                }
                if (q[1] == null || q[2] == null || q[3] == null) {
                    continue;
                }
                Double low = q[0] != null ? q[0] : q[1];
                Double high = q[4] != null ? q[4] : q[3];
                Double mean = valueAt(means.get(layer), iteration);
                data.add(new BoxAndWhiskerItem(mean, q[2], q[1], q[3], low, high, low, high, List.of()), row,
                        d.layerName(layer));
                boxes++;
            }
        }
        if (boxes == 0) {
            return Optional.empty();
        }
        JFreeChart chart = ChartKit.themed(ChartFactory.createBoxAndWhiskerChart(title, "layer", valueLabel, data,
                chosen.size() > 1));
        CategoryPlot plot = chart.getCategoryPlot();
        BoxAndWhiskerRenderer r = new BoxAndWhiskerRenderer();
        r.setMeanVisible(!means.isEmpty());
        r.setMedianVisible(true);
        r.setFillBox(true);
        r.setUseOutlinePaintForWhiskers(false);
        r.setItemMargin(0.08);
        r.setMaximumBarWidth(0.05);
        r.setWhiskerWidth(0.6);
        r.setDefaultOutlinePaint(new Color(0x333333));
        for (int i = 0; i < chosen.size(); i++) {
            Color c = ChartKit.ramp(i, Math.max(2, chosen.size()));
            r.setSeriesPaint(i, c);
            r.setSeriesOutlinePaint(i, c.darker());
        }
        plot.setRenderer(r);
        NumberAxis y = ChartKit.numberAxis(valueLabel);
        plot.setRangeAxis(y);
        plot.getDomainAxis().setCategoryMargin(0.15);
        ChartKit.finish(chart, "box: 25th–75th percentile, line: median, whiskers: 5th–95th percentile"
                + (means.isEmpty() ? "" : ", dot: mean"));
        String caption = "One box per layer per point in time (up to four, spread over the run, first and last "
                + "included). Linear scale, as in seed 004's violin plots: a layer whose box is a flat line has values "
                + "orders of magnitude smaller than the widest layer.";
        return Optional.of(new Figure(id, chart, Figure.WIDE, 420, caption));
    }

    // ---------------------------------------------------------------- units per layer

    /**
     * A per-layer metric as bars, at the first recorded point and at the last (two bars per layer
     * when they differ).
     */
    static Optional<Figure> layerBars(RunData d, String metric, String id, String title, String valueLabel, String caption) {
        Map<Integer, Series> layers = d.layerSeries(metric);
        if (layers.isEmpty() || allZero(layers)) {
            return Optional.empty();
        }
        List<String> categories = new ArrayList<>();
        List<Double> firstValues = new ArrayList<>();
        List<Double> lastValues = new ArrayList<>();
        TreeSet<Long> firstIts = new TreeSet<>();
        TreeSet<Long> lastIts = new TreeSet<>();
        for (var e : layers.entrySet()) {
            categories.add(d.layerName(e.getKey()));
            Series.Sample f = e.getValue().first();
            Series.Sample l = e.getValue().last();
            firstValues.add(f.value());
            lastValues.add(l.value());
            firstIts.add(f.iteration());
            lastIts.add(l.iteration());
        }
        List<ChartKit.Row> rows = new ArrayList<>();
        boolean same = firstIts.equals(lastIts);
        rows.add(new ChartKit.Row(same ? "iteration " + firstIts.first() : "first (iteration " + range(firstIts) + ")",
                categories, firstValues, ChartKit.tab(0), false));
        if (!same) {
            rows.add(new ChartKit.Row("last (iteration " + range(lastIts) + ")", categories, lastValues, ChartKit.tab(1),
                    false));
        }
        JFreeChart chart = ChartKit.categoryBars(title, null, "layer", valueLabel, rows);
        if ("percent".equals(layers.values().iterator().next().unit())) {
            double max = 0;
            for (Double v : lastValues) {
                max = Math.max(max, v == null || !Double.isFinite(v) ? 0 : v);
            }
            for (Double v : firstValues) {
                max = Math.max(max, v == null || !Double.isFinite(v) ? 0 : v);
            }
            chart.getCategoryPlot().getRangeAxis().setRange(0, max <= 0 ? 1 : Math.min(100, max * 1.15));
        }
        return Optional.of(new Figure(id, chart, Figure.WIDE, 320, caption));
    }

    /** Whether every recorded value of every layer is exactly zero (a sentence says it better than a flat chart). */
    static boolean allZero(Map<Integer, Series> layers) {
        for (Series s : layers.values()) {
            if (s.nonFinite() > 0) {
                return false;
            }
            for (Series.Point p : s.points()) {
                if (p.min() != 0 || p.max() != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- variance flow

    /** Forward and backward variance ratios per layer against the Glorot target of 1 (log scale). */
    static Optional<Figure> varianceFlow(RunData d) {
        Map<Integer, Series> forward = d.layerSeries(FORWARD_VARIANCE);
        Map<Integer, Series> backward = d.layerSeries(BACKWARD_VARIANCE);
        if (forward.isEmpty() && backward.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<Integer> layerIds = new TreeSet<>(forward.keySet());
        layerIds.addAll(backward.keySet());
        List<String> categories = layerIds.stream().map(d::layerName).toList();
        List<ChartKit.Row> rows = new ArrayList<>();
        addVarianceRows(rows, "forward Var(out)/Var(in)", forward, layerIds, categories, ChartKit.tab(0));
        addVarianceRows(rows, "backward Var(grad in)/Var(grad out)", backward, layerIds, categories, ChartKit.tab(3));
        int[] dropped = {0};
        JFreeChart chart = ChartKit.categoryLines("Variance flow per layer", "Glorot's condition: both ratios near 1 "
                + "in every layer", "layer", "variance ratio", rows, true, dropped, 1.0);
        chart.getCategoryPlot().addRangeMarker(ChartKit.marker(1.0, "1"));
        StringBuilder caption = new StringBuilder("Solid: first measurement; dashed: last. Ratios above 1 compound "
                + "into exploding signals across the layers, below 1 into vanishing ones.");
        note(caption, dropped[0], true);
        return Optional.of(new Figure("variance-flow", chart, Figure.WIDE, Figure.TALL, caption.toString()));
    }

    private static void addVarianceRows(List<ChartKit.Row> rows, String name, Map<Integer, Series> series,
                                        TreeSet<Integer> layerIds, List<String> categories, Color color) {
        if (series.isEmpty()) {
            return;
        }
        List<Double> first = new ArrayList<>();
        List<Double> last = new ArrayList<>();
        boolean differs = false;
        long firstIt = Long.MAX_VALUE;
        long lastIt = Long.MIN_VALUE;
        for (int layer : layerIds) {
            Series s = series.get(layer);
            first.add(s == null ? null : s.first().value());
            last.add(s == null ? null : s.last().value());
            if (s != null) {
                differs |= s.first().iteration() != s.last().iteration();
                firstIt = Math.min(firstIt, s.first().iteration());
                lastIt = Math.max(lastIt, s.last().iteration());
            }
        }
        rows.add(new ChartKit.Row(name + ", iteration " + firstIt, categories, first, color, false));
        if (differs) {
            rows.add(new ChartKit.Row(name + ", iteration " + lastIt, categories, last, color, true));
        }
    }

    /** The products of the per-layer variance ratios across the network, over iterations. */
    static Optional<Figure> varianceProducts(RunData d) {
        List<ChartKit.Line> lines = new ArrayList<>();
        d.series(FORWARD_PRODUCT).ifPresent(s -> lines.add(line("forward product", s, ChartKit.tab(0), false)));
        d.series(BACKWARD_PRODUCT).ifPresent(s -> lines.add(line("backward product", s, ChartKit.tab(3), false)));
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        int[] dropped = {0};
        JFreeChart chart = ChartKit.xyLines("Variance ratio across the network (product over layers)", null, "iteration",
                "product of ratios", lines, true, true, dropped, 1.0);
        chart.getXYPlot().addRangeMarker(ChartKit.marker(1.0, "1"));
        StringBuilder caption = new StringBuilder("How much the signal's variance grows (above 1) or shrinks (below 1) "
                + "from the input to the output, and the gradient's from the output back to the input.");
        note(caption, dropped[0], true);
        return Optional.of(new Figure("variance-products", chart, Figure.WIDE, 320, caption.toString()));
    }

    // ---------------------------------------------------------------- helpers

    static ChartKit.Line line(String name, Series s, Color color, boolean dashed) {
        List<Series.Point> points = s.points();
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).iteration();
            y[i] = points.get(i).value();
        }
        return new ChartKit.Line(name, x, y, color, dashed, x.length <= SHAPES_UP_TO);
    }

    private static XYSeries xy(String name, Series s, boolean log, int[] dropped) {
        XYSeries out = new XYSeries(name, false, true);
        for (Series.Point p : s.points()) {
            if (log && p.value() <= 0) {
                dropped[0]++;
                continue;
            }
            out.add(p.iteration(), p.value(), false);
        }
        return out;
    }

    private static Double valueAt(Series s, long iteration) {
        if (s == null) {
            return null;
        }
        NavigableMap<Long, Series.Sample> snaps = s.snapshots();
        Series.Sample sample = snaps.get(iteration);
        return sample == null || !Double.isFinite(sample.value()) ? null : sample.value();
    }

    /** Up to {@code n} items spread evenly over {@code items}, first and last included. */
    static <T> List<T> spread(List<T> items, int n) {
        if (items.size() <= n) {
            return items;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            T t = items.get((int) Math.round(i * (items.size() - 1) / (double) (n - 1)));
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static String range(TreeSet<Long> its) {
        return its.size() == 1 ? Long.toString(its.first()) : its.first() + "–" + its.last();
    }

    private static void extend(double[] range, double min, double max) {
        if (Double.isFinite(min)) {
            range[0] = Math.min(range[0], min);
        }
        if (Double.isFinite(max)) {
            range[1] = Math.max(range[1], max);
        }
    }

    private static void note(StringBuilder caption, int dropped, boolean log) {
        if (dropped > 0) {
            caption.append(' ').append(dropped).append(log ? " zero, negative or non-finite values are not drawn (a log "
                    + "axis cannot place them)." : " non-finite values are not drawn.");
        }
    }
}
