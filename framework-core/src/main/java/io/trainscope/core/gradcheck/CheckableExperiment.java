package io.trainscope.core.gradcheck;

import io.trainscope.core.config.RegularizationSpec;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.config.ResolvedLayer;
import io.trainscope.core.config.ResolvedModel;
import io.trainscope.core.config.TrainingSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The experiment a gradient check builds: the config's own network, with its first seed, and
 * without what makes the loss random or is not part of backpropagation. Dropout is off (each
 * forward pass would drop other units, so the difference quotient would measure the dropout
 * noise); weight decay and gradient clipping are off (the optimizer applies them to the
 * gradient after backpropagation). Everything else (layers, activations, initializers,
 * normalizers, the output layer) is the config's.
 *
 * @param experiment the experiment to check
 * @param changes    what was turned off, one phrase each (empty when nothing)
 */
record CheckableExperiment(ResolvedExperiment experiment, List<String> changes) {

    /** The checkable copy of {@code resolved}. */
    static CheckableExperiment of(ResolvedExperiment resolved) {
        ResolvedExperiment single = resolved.withSeed(resolved.spec().training().seed());
        List<String> changes = new ArrayList<>();
        List<ResolvedLayer> layers = new ArrayList<>();
        for (ResolvedLayer l : single.model().layers()) {
            if (l.dropout() > 0) {
                changes.add(String.format(Locale.ROOT, "dropout %s of hidden-%d", l.dropout(), l.index()));
            }
            layers.add(new ResolvedLayer(l.index(), l.spec(), l.activation(), l.init(), l.biasInit(), l.bias(), 0.0,
                    l.normalizer()));
        }
        TrainingSpec t = single.spec().training();
        RegularizationSpec r = t.regularization();
        if (r.weightDecay() != null) {
            changes.add("weight decay (" + r.weightDecay().type() + ")");
        }
        if (r.clipping() != null) {
            changes.add("gradient clipping (" + r.clipping().type() + ")");
        }
        TrainingSpec plain = new TrainingSpec(t.optimizer(), t.schedule(), t.epochs(), t.batchSize(), t.seeds(),
                t.earlyStopping(), t.checkpoints(), t.spark(), RegularizationSpec.NONE, t.faults());
        ResolvedModel model = new ResolvedModel(layers, single.model().output(), single.model().biasInit());
        return new CheckableExperiment(new ResolvedExperiment(single.spec().withTraining(plain), single.dataSource(),
                single.activation(), single.init(), single.normalizers(), single.optimizer(), single.optimizerParams(),
                single.schedule(), single.scheduleParams(), single.monitors(), model), List.copyOf(changes));
    }
}
