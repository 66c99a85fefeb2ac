package io.trainscope.core.diagnosis;

import io.trainscope.api.monitor.Pathology;

import java.util.EnumSet;
import java.util.Set;

/**
 * The pathologies the diagnosis names, in the order of their causal priority: when several are
 * present, the first one is the likelier root cause (bad inputs feed every layer; a symmetric or
 * badly scaled initialization produces saturation, dead units and vanishing gradients; a learning
 * rate acts on whatever the initialization left). Each says which others it explains.
 */
public enum Ailment {
    UNSTANDARDIZED_INPUTS("unstandardized-inputs", "Unstandardized inputs"),
    SYMMETRIC_UNITS("symmetric-units", "Symmetric units"),
    EXPLODING_ACTIVATIONS("exploding-activations", "Exploding activations or logits"),
    EXPLODING_GRADIENTS("exploding-gradients", "Exploding gradients"),
    VANISHING_GRADIENTS("vanishing-gradients", "Vanishing gradients"),
    TOO_DEEP("too-deep", "Network too deep for its activation without normalization"),
    INIT_MISMATCH("init-mismatch", "Initializer does not fit the activation"),
    SATURATION("saturation", "Saturated units"),
    BAD_INITIAL_LOSS("bad-initial-loss", "Initial loss far from its expected value"),
    LEARNING_RATE_TOO_HIGH("learning-rate-too-high", "Learning rate too high"),
    DEAD_UNITS("dead-units", "Dead ReLU units"),
    LEARNING_RATE_TOO_LOW("learning-rate-too-low", "Learning rate too low");

    private final Pathology pathology;

    Ailment(String id, String title) {
        this.pathology = new Pathology(id, title);
    }

    /** The pathology (stable id and title). */
    public Pathology pathology() {
        return pathology;
    }

    /** The stable id ({@code vanishing-gradients}). */
    public String id() {
        return pathology.id();
    }

    /** The title in plain words. */
    public String title() {
        return pathology.title();
    }

    /** The ailment with id {@code id}, or null. */
    public static Ailment byId(String id) {
        for (Ailment a : values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        return null;
    }

    /** The ailments this one, as a root cause, produces as symptoms. */
    public Set<Ailment> explains() {
        return switch (this) {
            case UNSTANDARDIZED_INPUTS -> EnumSet.complementOf(EnumSet.of(UNSTANDARDIZED_INPUTS, SYMMETRIC_UNITS));
            case SYMMETRIC_UNITS -> EnumSet.of(VANISHING_GRADIENTS, DEAD_UNITS, SATURATION, BAD_INITIAL_LOSS,
                    INIT_MISMATCH, LEARNING_RATE_TOO_LOW, TOO_DEEP);
            case EXPLODING_ACTIVATIONS -> EnumSet.of(EXPLODING_GRADIENTS, VANISHING_GRADIENTS, BAD_INITIAL_LOSS,
                    DEAD_UNITS, SATURATION, INIT_MISMATCH, LEARNING_RATE_TOO_HIGH);
            case EXPLODING_GRADIENTS -> EnumSet.of(SATURATION, INIT_MISMATCH, BAD_INITIAL_LOSS, LEARNING_RATE_TOO_HIGH,
                    DEAD_UNITS);
            case VANISHING_GRADIENTS -> EnumSet.of(SATURATION, INIT_MISMATCH, BAD_INITIAL_LOSS, LEARNING_RATE_TOO_LOW,
                    DEAD_UNITS);
            case TOO_DEEP -> EnumSet.of(VANISHING_GRADIENTS, SATURATION, INIT_MISMATCH, LEARNING_RATE_TOO_LOW);
            case INIT_MISMATCH -> EnumSet.of(SATURATION, DEAD_UNITS, BAD_INITIAL_LOSS, LEARNING_RATE_TOO_LOW,
                    VANISHING_GRADIENTS);
            case SATURATION -> EnumSet.of(BAD_INITIAL_LOSS, LEARNING_RATE_TOO_LOW);
            case DEAD_UNITS -> EnumSet.of(LEARNING_RATE_TOO_LOW);
            case BAD_INITIAL_LOSS -> EnumSet.of(LEARNING_RATE_TOO_HIGH);
            case LEARNING_RATE_TOO_HIGH -> EnumSet.of(DEAD_UNITS, EXPLODING_GRADIENTS);
            case LEARNING_RATE_TOO_LOW -> EnumSet.noneOf(Ailment.class);
        };
    }

    /** The ailment a monitor's finding is a sign of, or null when it is none of them. */
    public static Ailment ofFinding(Pathology p) {
        if (p.equals(Pathology.COLLAPSED_ACTIVATIONS) || p.equals(Pathology.SYMMETRY)) {
            return SYMMETRIC_UNITS;
        }
        if (p.equals(Pathology.VARIANCE_DRIFT)) {
            return INIT_MISMATCH;
        }
        if (p.equals(Pathology.NON_FINITE)) {
            return LEARNING_RATE_TOO_HIGH;
        }
        if (p.equals(Pathology.UPDATE_RATIO)) {
            return LEARNING_RATE_TOO_LOW;
        }
        return byId(p.id());
    }
}
