package io.trainscope.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a report page under construction: sections with their navigation entries, figures
 * (inline SVG sharing one style sheet), headings, paragraphs and raw HTML blocks.
 */
final class Page {

    private final StringBuilder body = new StringBuilder(1 << 16);
    private final SvgStyles styles = new SvgStyles();
    private final Map<String, String> sections = new LinkedHashMap<>();
    private final String figurePrefix;

    /** @param figurePrefix prefix of every figure id on the page ({@code cmp-} in comparisons) */
    Page(String figurePrefix) {
        this.figurePrefix = figurePrefix;
    }

    /** Opens a section; its id is made unique on the page. */
    void section(String id, String title) {
        String unique = id;
        for (int i = 2; sections.containsKey(unique); i++) {
            unique = id + "-" + i;
        }
        sections.put(unique, title);
        body.append("<section id=\"").append(Html.escape(unique)).append("\">\n<h2>").append(Html.escape(title))
                .append("</h2>\n");
    }

    void end() {
        body.append("</section>\n");
    }

    void heading(String text) {
        body.append("<h3>").append(Html.escape(text)).append("</h3>\n");
    }

    /** A paragraph of text, with a CSS class or none (null). */
    void paragraph(String cssClass, String text) {
        body.append(cssClass == null ? "<p>" : "<p class=\"" + cssClass + "\">").append(Html.escape(text)).append("</p>\n");
    }

    void figure(Figure f) {
        Html.figure(body, f, figurePrefix, styles);
    }

    void openPanels() {
        body.append("<div class=\"panels\">\n");
    }

    void closePanels() {
        body.append("</div>\n");
    }

    /** Appends HTML as is: the caller escaped what it took from the run. */
    StringBuilder html() {
        return body;
    }

    SvgStyles styles() {
        return styles;
    }

    /** Section ids and titles, in order, for the navigation bar. */
    Map<String, String> sections() {
        return sections;
    }

    /** The body so far. */
    CharSequence body() {
        return body;
    }
}
