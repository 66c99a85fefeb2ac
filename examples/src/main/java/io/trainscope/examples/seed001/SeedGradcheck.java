package io.trainscope.examples.seed001;

import io.trainscope.api.data.Task;
import io.trainscope.core.Trainscope;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.gradcheck.GradientCheck;
import io.trainscope.core.gradcheck.GradientCheckOptions;
import io.trainscope.core.gradcheck.GradientCheckReport;
import io.trainscope.core.model.OutputHead;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The seed's 64-30-10 ReLU network as trainscope builds it from a config, on the same 8 x 8 digits,
 * checked by trainscope's reusable gradient check ({@code trainscope gradcheck CONFIG},
 * {@link GradientCheck}): DL4J's backpropagation through trainscope's layers against central
 * differences of the loss, not against a second hand-written backward pass. With the output
 * layer's probability clipping off (as the check turns it off), DL4J's gradients agree with the
 * exact loss's at both initializations: what fails with N(0, 1) weights in
 * {@link BackpropByHand}'s comparison is the clipped score, not backpropagation.
 */
public final class SeedGradcheck {

    private static final String CONFIG = """
            name: seed001-%s
            data: {source: gaussian-classification, features: %d, classes: %d}
            model: {hidden: [%d], activation: relu, init: %s}
            training: {seed: %d}
            """;

    private SeedGradcheck() {
    }

    /** The config's {@code model.init} for each of the seed's initializations. */
    static String init(BackpropByHand.Init init) {
        return init == BackpropByHand.Init.NORMAL ? "{name: normal, std: 1.0}" : "he-normal";
    }

    /** Checks the network with {@code init} on the first {@code options.examples()} digits. */
    public static GradientCheckReport check(Trainscope trainscope, Digits8x8 digits, BackpropByHand.Init init, long seed,
                                            GradientCheckOptions options) {
        String text = CONFIG.formatted(init == BackpropByHand.Init.NORMAL ? "normal" : "he-normal", BackpropByHand.IN,
                BackpropByHand.OUT, BackpropByHand.HIDDEN, init(init), seed);
        ResolvedExperiment experiment = trainscope.resolve(new ConfigLoader().parse(text, "seed001", "seed 001",
                Path.of("")));
        Task task = Task.Classification.numbered(BackpropByHand.OUT);
        DataSet train = new DataSet(digits.features().castTo(DataType.FLOAT), digits.labels().castTo(DataType.FLOAT));
        PreparedData data = new PreparedData(task, train, null, null, BackpropByHand.IN, List.of(), Map.of(),
                OutputHead.resolve(experiment.spec().model().output(), task));
        return trainscope.get(GradientCheck.class).run(experiment, data, options);
    }
}
