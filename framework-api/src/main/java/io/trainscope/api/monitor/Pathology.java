package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of training problem, with a stable id and a title. The constants are the pathologies
 * the seeds teach; plugins may define their own.
 *
 * @param id    lower-case hyphenated id, stable across releases ({@code vanishing-gradients})
 * @param title a short title in plain words
 */
@StableApi(since = "0.1")
public record Pathology(String id, String title) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public static final Pathology VANISHING_GRADIENTS = new Pathology("vanishing-gradients", "Vanishing gradients");
    public static final Pathology EXPLODING_GRADIENTS = new Pathology("exploding-gradients", "Exploding gradients");
    public static final Pathology DEAD_UNITS = new Pathology("dead-units", "Dead units");
    public static final Pathology SATURATION = new Pathology("saturation", "Saturated units");
    public static final Pathology COLLAPSED_ACTIVATIONS = new Pathology("collapsed-activations", "Collapsed activations");
    public static final Pathology VARIANCE_DRIFT = new Pathology("variance-drift", "Variance drift across layers");
    public static final Pathology BAD_INITIAL_LOSS = new Pathology("bad-initial-loss", "Initial loss far from its expected value");
    public static final Pathology UPDATE_RATIO = new Pathology("update-ratio", "Updates out of proportion to weights");
    public static final Pathology NON_FINITE = new Pathology("non-finite", "NaN or infinite values");
    public static final Pathology SYMMETRY = new Pathology("symmetry", "Symmetric units");
    public static final Pathology MONITOR_FAILURE = new Pathology("monitor-failure", "A monitor failed");

    public Pathology {
        Objects.requireNonNull(title, "title");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("pathology id must be lower-case hyphenated, got '" + id + "'");
        }
    }
}
