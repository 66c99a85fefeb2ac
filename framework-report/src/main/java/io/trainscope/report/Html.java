package io.trainscope.report;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Severity;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * HTML text for the reports: escaping, number formatting, the shared style sheet and the blocks
 * both reports use (figures, findings). Everything inline: the page loads nothing.
 */
final class Html {

    private Html() {
    }

    /** The style sheet of both reports. */
    static final String STYLE = """
            :root { --text:#222; --muted:#666; --line:#e2e2e2; --bg:#fafafa; }
            * { box-sizing: border-box; }
            body { margin:0; background:#fff; color:var(--text);
                   font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; }
            main { max-width: 1100px; margin: 0 auto; padding: 24px 24px 48px; }
            h1 { font-size: 26px; margin: 0 0 4px; }
            h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
            h3 { font-size: 16px; margin: 22px 0 8px; }
            .sub { color: var(--muted); margin: 0 0 12px; }
            nav { margin: 10px 0 0; font-size: 14px; }
            nav a { margin-right: 14px; color: #1565c0; text-decoration: none; }
            table { border-collapse: collapse; font-size: 14px; margin: 6px 0 10px; }
            th, td { text-align: left; padding: 4px 12px 4px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
            th { color: var(--muted); font-weight: 600; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
            pre { background: var(--bg); border: 1px solid var(--line); padding: 10px; overflow: auto; max-height: 520px; }
            details { margin: 8px 0; }
            summary { cursor: pointer; color: #1565c0; }
            figure.chart { margin: 14px 0 22px; }
            figure.chart .chart-box { background: #fff; }
            figure.chart svg { display: block; max-width: 100%; height: auto; }
            figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; max-width: 1040px; }
            .panels { display: flex; flex-wrap: wrap; gap: 10px; }
            .panels figure.chart { margin: 6px 0; }
            .finding { border-left: 5px solid; border-radius: 3px; padding: 8px 12px; margin: 10px 0; }
            .finding h3 { margin: 0 0 4px; font-size: 16px; }
            .finding .badge { display: inline-block; color: #fff; font-size: 12px; font-weight: 700; padding: 1px 7px;
                              border-radius: 3px; margin-right: 8px; vertical-align: 1px; }
            .finding ul { margin: 4px 0; padding-left: 22px; font-size: 14px; }
            .finding .fix { margin: 6px 0 0; }
            .CRITICAL { border-color: #c62828; background: #fdecea; } .CRITICAL .badge { background: #c62828; }
            .WARNING { border-color: #e65100; background: #fff3e0; } .WARNING .badge { background: #e65100; }
            .INFO { border-color: #1565c0; background: #e8f1fb; } .INFO .badge { background: #1565c0; }
            .note { color: #8a5a00; background: #fff8e1; border: 1px solid #ffe0a3; padding: 6px 10px; font-size: 14px; }
            .none { color: var(--muted); }
            footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
            """;

    /** Escapes text for element content and attribute values. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A number for people: four significant digits, scientific when tiny or huge, NaN and ±∞ spelled out. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a < 1e-3 || a >= 1e6) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        if (v == Math.rint(v) && a < 1e6) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** A rendered chart inside a fixed-size box the browser test can find ({@code data-chart}). */
    static void figure(StringBuilder out, Figure f, String prefix, SvgStyles styles) {
        out.append("<figure class=\"chart\" id=\"fig-").append(escape(prefix)).append(escape(f.id())).append("\">");
        out.append("<div class=\"chart-box\" data-chart=\"").append(escape(prefix)).append(escape(f.id()))
                .append("\" style=\"width:").append(f.width()).append("px;max-width:100%\">");
        out.append(styles.compact(SvgRenderer.render(f, prefix + f.id() + "-")));
        out.append("</div>");
        if (!f.caption().isEmpty()) {
            out.append("<figcaption>").append(escape(f.caption())).append("</figcaption>");
        }
        out.append("</figure>\n");
    }

    /** Findings as severity-coloured cards, most severe first, with evidence and prescription. */
    static void findings(StringBuilder out, List<Finding> findings, IntFunction<String> layerName) {
        if (findings.isEmpty()) {
            out.append("<p class=\"none\">No findings: no monitor reported a problem.</p>\n");
            return;
        }
        List<Finding> sorted = findings.stream()
                .sorted(Comparator.comparing(Finding::severity, Comparator.reverseOrder())
                        .thenComparingLong(Finding::iteration))
                .toList();
        for (Finding f : sorted) {
            Severity s = f.severity();
            out.append("<div class=\"finding ").append(s.name()).append("\">");
            out.append("<h3><span class=\"badge\">").append(s.name()).append("</span>")
                    .append(escape(f.pathology().title()));
            if (f.layer() != null) {
                out.append(" — ").append(escape(layerName.apply(f.layer()))).append(" (layer ").append(f.layer()).append(')');
            }
            out.append("</h3>");
            out.append("<div class=\"sub\" style=\"margin:0\">").append(escape(f.monitor())).append(" · ")
                    .append(escape(f.pathology().id())).append(" · iteration ").append(f.iteration())
                    .append(", epoch ").append(f.epoch()).append("</div>");
            out.append("<p style=\"margin:6px 0 2px\">").append(escape(f.summary())).append("</p>");
            if (!f.evidence().isEmpty()) {
                out.append("<ul>");
                for (String e : f.evidence()) {
                    out.append("<li>").append(escape(e)).append("</li>");
                }
                out.append("</ul>");
            }
            if (!f.prescription().isEmpty()) {
                out.append("<p class=\"fix\"><b>Fix:</b> ").append(escape(f.prescription())).append("</p>");
            }
            out.append("</div>\n");
        }
    }

    /** Counts of findings by severity, e.g. {@code 1 critical, 2 warnings}, or {@code none}. */
    static String findingCounts(List<Finding> findings) {
        long critical = findings.stream().filter(f -> f.severity() == Severity.CRITICAL).count();
        long warning = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long info = findings.stream().filter(f -> f.severity() == Severity.INFO).count();
        if (critical + warning + info == 0) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        if (critical > 0) {
            sb.append(critical).append(" critical");
        }
        if (warning > 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append(warning).append(warning == 1 ? " warning" : " warnings");
        }
        if (info > 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append(info).append(" info");
        }
        return sb.toString();
    }

    /** The start of a page: doctype, title, style (the shared sheet plus the charts' classes). */
    static void head(StringBuilder out, String title, SvgStyles styles) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"trainscope\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE).append(styles.css()).append("</style>\n")
                .append("</head>\n<body>\n<main>\n");
    }

    /** The end of a page. */
    static void tail(StringBuilder out, String footer) {
        out.append("<footer>").append(footer).append("</footer>\n</main>\n</body>\n</html>\n");
    }
}
