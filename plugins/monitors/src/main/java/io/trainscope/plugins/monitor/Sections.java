package io.trainscope.plugins.monitor;

/**
 * The report sections the standard monitors draw their metrics in ({@code Drawing.in}): metrics of
 * several monitors about one subject share a section.
 */
final class Sections {

    /** The initial loss, gradient norms and their ratio. */
    static final String GRADIENTS = "Initialization and gradients";
    /** Histogram panels of weights, activations and gradients. */
    static final String DISTRIBUTIONS = "Distributions per layer";
    /** Box plots of weight and gradient quantiles over time. */
    static final String ACROSS_EPOCHS = "Weights and gradients across epochs";
    /** Dead, saturated and symmetric units per layer. */
    static final String UNITS = "Dead, saturated and symmetric units";
    /** Variance ratios per layer and their products. */
    static final String VARIANCE = "Variance flow";
    /** Update-to-weight ratios. */
    static final String UPDATES = "Update ratios";

    private Sections() {
    }
}
