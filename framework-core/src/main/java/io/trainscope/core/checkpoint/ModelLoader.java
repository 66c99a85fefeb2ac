package io.trainscope.core.checkpoint;

import io.trainscope.api.normalization.FeatureStatistics;
import io.trainscope.api.normalization.InputTransform;
import io.trainscope.api.normalization.Normalizer;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.config.ExperimentResolver;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.model.NetworkBuilder;
import io.trainscope.core.model.OutputHead;
import io.trainscope.core.model.TrainedModel;
import io.trainscope.core.plugin.Configured;
import io.trainscope.core.run.RunFolder;
import jakarta.inject.Inject;
import org.nd4j.linalg.learning.config.Sgd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads a trained model back from a run folder (its best checkpoint, else its newest one) or from
 * a checkpoint file: rebuilds the network from the checkpoint's resolved config with the same
 * plugins, sets the saved parameters, and restores the fitted input transforms. No data is loaded.
 */
public final class ModelLoader {

    private final ExperimentResolver resolver;
    private final NetworkBuilder builder;

    @Inject
    public ModelLoader(ExperimentResolver resolver, NetworkBuilder builder) {
        this.resolver = resolver;
        this.builder = builder;
    }

    /** Loads from a run folder or a checkpoint file. */
    public TrainedModel load(Path runDirectoryOrCheckpoint) {
        Checkpoint checkpoint;
        if (Files.isRegularFile(runDirectoryOrCheckpoint)) {
            checkpoint = CheckpointStore.read(runDirectoryOrCheckpoint);
        } else {
            RunFolder folder = RunFolder.open(runDirectoryOrCheckpoint);
            checkpoint = new CheckpointStore(folder.checkpoints()).bestOrLatest().orElseThrow(() ->
                    new TrainscopeException("run " + runDirectoryOrCheckpoint + " has no checkpoint to load; a run writes "
                            + "one after every epoch unless training.checkpoints.every-epochs is 0"));
        }
        return fromCheckpoint(checkpoint);
    }

    /** Rebuilds the model a checkpoint describes. */
    public TrainedModel fromCheckpoint(Checkpoint checkpoint) {
        TrainingState state = checkpoint.state();
        ResolvedExperiment experiment = resolver.resolve(new ConfigLoader().parse(checkpoint.config(), "model",
                String.valueOf(checkpoint.file()), checkpoint.file() == null ? Path.of("") : checkpoint.file().getParent()));
        OutputHead head = OutputHead.resolve(experiment.spec().model().output(), state.task());
        BuiltNetwork built = builder.build(experiment, state.inputs(), state.image(), head, state.shuffleSeed(), new Sgd(0.0));
        if (built.network().numParams() != checkpoint.params().length()) {
            throw new CheckpointException("checkpoint " + checkpoint.file() + " holds " + checkpoint.params().length()
                    + " parameters but its config builds a network with " + built.network().numParams());
        }
        built.network().setParams(checkpoint.params());
        Map<Integer, FeatureStatistics> fitted = FittedStatistics.decode(state.featureStatistics());
        List<InputTransform> transforms = new ArrayList<>();
        for (int i = 0; i < experiment.normalizers().size(); i++) {
            FeatureStatistics stats = fitted.get(i);
            if (stats != null) {
                Configured<Normalizer> n = experiment.normalizers().get(i);
                n.plugin().inputTransform(stats, n.params()).ifPresent(transforms::add);
            }
        }
        return new TrainedModel(built.network(), head, transforms, checkpoint.file(), experiment, state.shuffleSeed());
    }
}
