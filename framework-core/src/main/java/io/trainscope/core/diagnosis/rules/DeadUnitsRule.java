package io.trainscope.core.diagnosis.rules;

import io.trainscope.core.diagnosis.ActivationShape;
import io.trainscope.core.diagnosis.Ailment;
import io.trainscope.core.diagnosis.Changes;
import io.trainscope.core.diagnosis.ConfigChange;
import io.trainscope.core.diagnosis.Diagnosis;
import io.trainscope.core.diagnosis.Level;
import io.trainscope.core.diagnosis.Prescription;
import io.trainscope.core.diagnosis.Readings;
import io.trainscope.core.diagnosis.Rule;
import io.trainscope.core.diagnosis.Vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.trainscope.core.diagnosis.Readings.num;

/**
 * Dead ReLU units (seed 003): units whose output is 0 for every training example get no gradient
 * and never recover. Either they start dead (deep, narrow relu stacks) or they die during the
 * probe (large updates push their bias and weights negative).
 */
public final class DeadUnitsRule implements Rule {

    /** Dead share of a hidden layer that counts at initialization (the dead-neurons monitor's critical 50%). */
    public static final double DEAD_PERCENT = 50.0;
    /**
     * Growth of the dead share during the probe, in percentage points, that counts as dying (the
     * monitor's growth is 10), when the layer ends with more than {@link #DEAD_PERCENT} dead: a few
     * units of a small layer dying is noise.
     */
    public static final double DYING_POINTS = 20.0;

    @Override
    public Optional<Diagnosis> examine(Readings r) {
        if (r.network().shape() != ActivationShape.RELU_LIKE) {
            return Optional.empty();
        }
        List<String> layers = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        boolean dying = false;
        for (int l = 0; l < r.network().depth(); l++) {
            double start = r.atStart(Vocabulary.DEAD_PERCENT, l);
            double end = r.max(Vocabulary.DEAD_PERCENT, l);
            boolean died = end > DEAD_PERCENT && end - start > DYING_POINTS;
            if (start > DEAD_PERCENT || died) {
                dying |= died;
                layers.add(r.layerName(l));
                evidence.add(r.layerName(l) + ": " + num(start) + "% of units dead at initialization, up to " + num(end)
                        + "% during the probe");
            }
        }
        if (layers.isEmpty()) {
            return Optional.empty();
        }
        List<ConfigChange> changes = new ArrayList<>();
        if (dying && Double.isFinite(r.network().learningRate())) {
            changes.add(Changes.learningRate(r.network().learningRate() / 10, "smaller steps do not push units into "
                    + "the region where relu outputs 0 for every input"));
        }
        changes.add(Changes.activation(Vocabulary.LEAKY_RELU, "leaky-relu has a small slope below 0, so a unit that "
                + "outputs little still gets a gradient"));
        return Optional.of(Diagnosis.of(Ailment.DEAD_UNITS, Level.ERROR, layers,
                (dying ? "Units die during training: " : "Units are dead from the start: ") + "in "
                        + String.join(", ", layers) + " most units output 0 for every example and get no gradient.",
                evidence, dying ? "Updates too large for " + r.network().activation() + " (learning rate "
                        + num(r.network().learningRate()) + ")." : "A deep or narrow stack of " + r.network().activation()
                        + " layers: a unit whose inputs are all negative outputs 0 for every example.",
                new Prescription(changes, (dying ? "Lower the learning rate and use" : "Use") + " leaky-relu.")));
    }
}
