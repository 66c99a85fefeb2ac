package io.trainscope.report;

import org.jfree.chart.JFreeChart;

/**
 * One chart of a report with its size in CSS pixels and a caption (may be empty) that says how
 * to read it and what was left out.
 */
record Figure(String id, JFreeChart chart, int width, int height, String caption) {

    /** Standard full-width chart size. */
    static final int WIDE = 1040;
    /** Standard chart height. */
    static final int TALL = 400;
}
