package io.trainscope.core.evaluation;

import io.trainscope.api.data.Examples;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.checkpoint.ModelLoader;
import io.trainscope.core.config.DataSpec;
import io.trainscope.core.config.PluginLookup;
import io.trainscope.core.data.DataPreparer;
import io.trainscope.core.data.LabelEncoder;
import io.trainscope.core.model.TrainedModel;
import io.trainscope.core.plugin.PluginFamily;
import jakarta.inject.Inject;
import org.nd4j.linalg.dataset.DataSet;

import java.nio.file.Path;

/**
 * Evaluates a trained run: loads its best checkpoint (else its newest) and measures it on the
 * run's own test split, rebuilt from its config and seed, or on other data given as a data spec.
 */
public final class ModelEvaluator {

    /**
     * An evaluation.
     *
     * @param model  the evaluated model
     * @param data   which data, in words
     * @param result the figures
     */
    public record ModelEvaluation(TrainedModel model, String data, EvaluationResult result) {
    }

    private final ModelLoader loader;
    private final DataPreparer preparer;
    private final PluginLookup plugins;

    @Inject
    public ModelEvaluator(ModelLoader loader, DataPreparer preparer, PluginLookup plugins) {
        this.loader = loader;
        this.preparer = preparer;
        this.plugins = plugins;
    }

    /**
     * Evaluates the model of {@code run}.
     *
     * @param data  other data to evaluate on (its {@code part}, else its test split, else all of it), or
     *              null for the run's own test split (its validation split when it has no test split)
     * @param cache the data sources' cache directory
     */
    public ModelEvaluation evaluate(Path run, DataSpec data, Path cache) {
        TrainedModel model = loader.load(run);
        Examples examples;
        String description;
        if (data == null) {
            var spec = model.experiment().spec().data();
            DataPreparer.Loaded loaded = preparer.load(model.experiment().dataSource(), spec, model.seed(), cache);
            examples = loaded.test() != null ? loaded.test() : loaded.validation();
            if (examples == null) {
                throw new TrainscopeException("run " + run + " has neither a test nor a validation split to evaluate on; "
                        + "pass other data with --data");
            }
            description = (loaded.test() != null ? "test" : "validation") + " split of the run's data ("
                    + model.experiment().dataSource().name() + ", seed " + model.seed() + ")";
        } else {
            var source = plugins.configure(PluginFamily.DATA_SOURCE, data.source(), "--data.source");
            DataPreparer.Loaded loaded = preparer.load(source, data, model.seed(), cache);
            examples = loaded.test() != null ? loaded.test() : loaded.train();
            description = source.name() + " " + source.params().asMap() + (loaded.test() != null ? " (test split)" : "");
        }
        if (examples.featureCount() != model.network().layerInputSize(0)) {
            throw new TrainscopeException("the data has " + examples.featureCount() + " features per example but the model "
                    + "was trained on " + model.network().layerInputSize(0) + "; evaluate it on data of the same layout");
        }
        DataSet set = new DataSet(model.transform(examples.features()), LabelEncoder.encode(examples.targets(), model.head()));
        int batch = Math.max(500, model.experiment().spec().training().batchSize());
        return new ModelEvaluation(model, description, Evaluator.evaluate(model.network(), set, model.head(), batch));
    }
}
