package io.trainscope.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shrinks the SVG of a page's charts by replacing each distinct inline {@code style='...'} that
 * JFreeSVG writes on every element with a short class, declared once in the page's style sheet.
 * The same few dozen styles (axis lines, tick labels, gridlines, series strokes) repeat thousands
 * of times across a report, so this roughly halves its size without changing a pixel.
 */
final class SvgStyles {

    private static final Pattern STYLE = Pattern.compile(" style='([^'<>{}]*)'");

    private final Map<String, String> classes = new LinkedHashMap<>();

    /** The SVG with its inline styles replaced by classes registered here. */
    String compact(String svg) {
        Matcher m = STYLE.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length() / 2);
        while (m.find()) {
            String cls = classes.computeIfAbsent(m.group(1), s -> "j" + Integer.toString(classes.size(), 36));
            m.appendReplacement(out, " class='" + cls + "'");
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The CSS rules of every class handed out, one per line. */
    String css() {
        StringBuilder sb = new StringBuilder();
        classes.forEach((style, cls) -> sb.append('.').append(cls).append('{').append(style).append("}\n"));
        return sb.toString();
    }
}
