package io.trainscope.core.config;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.data.DataSource;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.normalization.Normalizer;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.plugin.Configured;
import io.trainscope.core.training.optim.OptimizerKind;
import io.trainscope.core.training.optim.ScheduleKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An experiment whose every plugin reference has been looked up and whose every parameter has
 * been checked and filled with its default: what a run actually uses, and what it writes to its
 * folder as {@code config.yaml}.
 *
 * @param spec        the parsed config
 * @param dataSource  the data source with its parameters
 * @param activation  the hidden layers' activation
 * @param init        the initializer of every layer
 * @param normalizers the normalizers, in order
 * @param optimizer   the optimizer kind
 * @param optimizerParams its parameters
 * @param schedule    the learning-rate schedule kind, or null
 * @param scheduleParams its parameters, or null
 * @param monitors    the monitors in dispatch order, with their sampling and metrics (runs create fresh instances)
 * @param model       every layer's settings, its own or the model's, and the output layer's initialization
 */
public record ResolvedExperiment(ExperimentSpec spec,
                                 Configured<DataSource> dataSource,
                                 Configured<Activation> activation,
                                 Configured<Initializer> init,
                                 List<Configured<Normalizer>> normalizers,
                                 OptimizerKind optimizer, Parameters optimizerParams,
                                 ScheduleKind schedule, Parameters scheduleParams,
                                 List<ResolvedMonitor> monitors,
                                 ResolvedModel model) {

    public ResolvedExperiment {
        normalizers = List.copyOf(normalizers);
        monitors = List.copyOf(monitors);
        Objects.requireNonNull(model, "model");
    }

    /**
     * An experiment whose hidden layers all take {@code activation}, {@code init} and the layer
     * normalizer among {@code normalizers}, as {@code model.hidden} says.
     *
     * @throws IllegalArgumentException when the spec sets anything per layer or a bias initialization
     */
    public ResolvedExperiment(ExperimentSpec spec, Configured<DataSource> dataSource, Configured<Activation> activation,
                              Configured<Initializer> init, List<Configured<Normalizer>> normalizers,
                              OptimizerKind optimizer, Parameters optimizerParams, ScheduleKind schedule,
                              Parameters scheduleParams, List<ResolvedMonitor> monitors) {
        this(spec, dataSource, activation, init, normalizers, optimizer, optimizerParams, schedule, scheduleParams,
                monitors, uniform(spec.model(), activation, init, normalizers));
    }

    private static ResolvedModel uniform(ModelSpec model, Configured<Activation> activation,
                                         Configured<Initializer> init, List<Configured<Normalizer>> normalizers) {
        OutputSpec out = model.output();
        if (!model.plain() || model.defaults().biasInit() != null || out.init() != null || out.biasInit() != null) {
            throw new IllegalArgumentException("the model sets layers, initializers or biases of its own: resolve it "
                    + "with ExperimentResolver");
        }
        Configured<Normalizer> layerNormalizer = normalizers.stream().filter(LayerResolver::insertsLayers)
                .findFirst().orElse(null);
        List<ResolvedLayer> layers = new ArrayList<>();
        for (int i = 0; i < model.layers().size(); i++) {
            layers.add(new ResolvedLayer(i, model.layers().get(i), activation, init, null, model.defaults().bias(),
                    model.defaults().dropout(), layerNormalizer));
        }
        return new ResolvedModel(layers, new ResolvedOutputLayer(init, out.weightScale(), null), null);
    }

    /** The experiment name. */
    public String name() {
        return spec.name();
    }

    /**
     * The experiment of one seed of a multi-seed config: trains with {@code seed} alone and is
     * named {@code <name>-seed<seed>}, so its run folder says which seed it holds. A single-seed
     * experiment is returned unchanged apart from the seed.
     */
    public ResolvedExperiment forSeed(long seed) {
        ResolvedExperiment single = withSeed(seed);
        if (spec.training().seeds().size() <= 1) {
            return single;
        }
        return new ResolvedExperiment(single.spec.withName(spec.name() + "-seed" + seed), dataSource, activation, init,
                normalizers, optimizer, optimizerParams, schedule, scheduleParams, monitors, model);
    }

    /** A copy that trains for {@code epochs} epochs (a resumed run extended or shortened). */
    public ResolvedExperiment withEpochs(int epochs) {
        return new ResolvedExperiment(spec.withTraining(spec.training().withEpochs(epochs)), dataSource, activation, init,
                normalizers, optimizer, optimizerParams, schedule, scheduleParams, monitors, model);
    }

    /** A copy whose spec trains with the single seed {@code seed}. */
    public ResolvedExperiment withSeed(long seed) {
        return new ResolvedExperiment(spec.withTraining(spec.training().withSeed(seed)), dataSource, activation, init,
                normalizers, optimizer, optimizerParams, schedule, scheduleParams, monitors, model);
    }
}
