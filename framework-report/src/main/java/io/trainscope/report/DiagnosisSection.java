package io.trainscope.report;

import java.util.List;
import java.util.Map;

/**
 * The report's diagnosis section, from a {@code diagnosis.json} ({@code trainscope diagnose}): the
 * root cause with its evidence, cause and prescription (the config changes as a table), what it
 * explains, the independent problems, the probe's vitals and, after {@code --fix}, the cure's
 * before/after table.
 */
final class DiagnosisSection {

    private DiagnosisSection() {
    }

    /** Appends the section for {@code diagnosis} (the parsed JSON). */
    static void append(Page page, Map<String, Object> diagnosis) {
        page.section("diagnosis", "Diagnosis");
        Object primary = diagnosis.get("primary");
        if (primary instanceof Map<?, ?> p) {
            page.heading("Root cause");
            card(page.html(), p, true);
        } else {
            page.paragraph("none", "No problem found: no diagnosis reaches a warning.");
        }
        cards(page, "Explained by the root cause", diagnosis.get("explained"), false);
        cards(page, "Independent problems", diagnosis.get("independent"), true);
        if (diagnosis.get("vitals") instanceof Map<?, ?> v) {
            page.heading("Vitals of the probe");
            table(page.html(), List.of(List.of("gradient ratio", "dead %", "saturated %", "initial loss",
                    "loss at the end", "iterations"), List.of(cell(v.get("gradient_ratio")), cell(v.get("dead_percent")),
                    cell(v.get("saturated_percent")), cell(v.get("initial_loss")), cell(v.get("final_loss")),
                    cell(v.get("iterations")))));
        }
        if (diagnosis.get("cure") instanceof Map<?, ?> cure) {
            cure(page, cure);
        }
        page.end();
    }

    private static void cards(Page page, String title, Object list, boolean full) {
        if (list instanceof List<?> items && !items.isEmpty()) {
            page.heading(title);
            for (Object item : items) {
                card(page.html(), (Map<?, ?>) item, full);
            }
        }
    }

    private static void card(StringBuilder out, Map<?, ?> d, boolean full) {
        String level = String.valueOf(d.get("severity"));
        String css = level.equals("error") ? "CRITICAL" : level.equals("warning") ? "WARNING" : "INFO";
        out.append("<div class=\"finding ").append(css).append("\"><h3><span class=\"badge\">")
                .append(Html.escape(level.toUpperCase(java.util.Locale.ROOT))).append("</span>")
                .append(Html.escape(String.valueOf(d.get("title"))));
        if (d.get("layers") instanceof List<?> layers && !layers.isEmpty()) {
            out.append(" — ").append(Html.escape(String.join(", ", layers.stream().map(String::valueOf).toList())));
        }
        out.append("</h3><p style=\"margin:6px 0 2px\">").append(Html.escape(String.valueOf(d.get("summary")))).append("</p>");
        if (full) {
            list(out, d.get("evidence"));
            out.append("<p><b>Likely cause:</b> ").append(Html.escape(String.valueOf(d.get("cause")))).append("</p>");
            prescription(out, d.get("prescription"));
            if (d.get("explains") instanceof List<?> found && !found.isEmpty()) {
                out.append("<p class=\"sub\">Explains ").append(found.size()).append(" monitor finding")
                        .append(found.size() > 1 ? "s: " : ": ").append(Html.escape(String.join(", ", found.stream()
                                .map(f -> ((Map<?, ?>) f).get("pathology") + " (" + ((Map<?, ?>) f).get("monitor") + ")")
                                .toList()))).append("</p>");
            }
        }
        out.append("</div>\n");
    }

    private static void prescription(StringBuilder out, Object prescription) {
        if (!(prescription instanceof Map<?, ?> p)) {
            return;
        }
        out.append("<p class=\"fix\"><b>Prescription:</b> ").append(Html.escape(String.valueOf(p.get("words"))))
                .append("</p>");
        if (p.get("changes") instanceof List<?> changes && !changes.isEmpty()) {
            out.append("<ul>");
            for (Object c : changes) {
                Map<?, ?> change = (Map<?, ?>) c;
                out.append("<li><code>").append(Html.escape(change.get("path") + ": " + change.get("value")))
                        .append("</code> — ").append(Html.escape(String.valueOf(change.get("why")))).append("</li>");
            }
            out.append("</ul>");
        }
    }

    private static void cure(Page page, Map<?, ?> cure) {
        page.heading("Cure (--fix)");
        if (cure.get("table") instanceof List<?> rows && !rows.isEmpty()) {
            List<List<String>> cells = rows.stream().map(r -> ((List<?>) r).stream().map(DiagnosisSection::cell).toList())
                    .toList();
            table(page.html(), cells);
        }
        if (cure.get("rounds") instanceof List<?> rounds) {
            list(page.html(), rounds.stream().map(r -> String.valueOf(((Map<?, ?>) r).get("verdict"))).toList());
        }
    }

    private static void list(StringBuilder out, Object items) {
        if (items instanceof List<?> lines && !lines.isEmpty()) {
            out.append("<ul>");
            lines.forEach(l -> out.append("<li>").append(Html.escape(String.valueOf(l))).append("</li>"));
            out.append("</ul>");
        }
    }

    private static void table(StringBuilder out, List<List<String>> rows) {
        out.append("<table>");
        for (int r = 0; r < rows.size(); r++) {
            out.append("<tr>");
            for (String cell : rows.get(r)) {
                String tag = r == 0 ? "th" : "td";
                out.append('<').append(tag).append('>').append(Html.escape(cell)).append("</").append(tag).append('>');
            }
            out.append("</tr>");
        }
        out.append("</table>\n");
    }

    private static String cell(Object value) {
        if (value instanceof Number n && !(value instanceof Integer) && !(value instanceof Long)) {
            return Html.number(n.doubleValue());
        }
        return value == null ? "-" : String.valueOf(value);
    }
}
