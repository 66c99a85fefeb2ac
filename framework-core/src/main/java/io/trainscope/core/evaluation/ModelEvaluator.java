package io.trainscope.core.evaluation;

import io.trainscope.api.data.Examples;
import io.trainscope.api.data.Task;
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

    /** Evaluates the model of {@code run}, refusing other data whose classes are not the model's. */
    public ModelEvaluation evaluate(Path run, DataSpec data, Path cache) {
        return evaluate(run, data, cache, false);
    }

    /**
     * Evaluates the model of {@code run}.
     *
     * @param data  other data to evaluate on (its test part or test share, else its training share), or
     *              null for the run's own test split (its validation split when it has no test split)
     * @param cache the data sources' cache directory
     * @param force measure other data whose class names are not the model's (their number must match)
     * @throws TrainscopeException when the data does not fit the model (features, task, classes)
     */
    public ModelEvaluation evaluate(Path run, DataSpec data, Path cache, boolean force) {
        TrainedModel model = loader.load(run);
        EvaluationData examples;
        Task task;
        if (data == null) {
            var spec = model.experiment().spec().data();
            DataPreparer.Loaded loaded = preparer.load(model.experiment().dataSource(), spec, model.seed(), cache);
            examples = EvaluationData.ofRun(model, loaded, run.toString());
            task = loaded.data().task();
        } else {
            var source = plugins.configure(PluginFamily.DATA_SOURCE, data.source(), "--data.source");
            DataPreparer.Loaded loaded = preparer.load(source, data, model.seed(), cache);
            examples = EvaluationData.ofOther(source, data, loaded);
            task = loaded.data().task();
        }
        examples = examples.checkedAgainst(model, task, force);
        Examples x = examples.examples();
        DataSet set = new DataSet(model.transform(x.features()), LabelEncoder.encode(x.targets(), model.head()));
        int batch = Math.max(500, model.experiment().spec().training().batchSize());
        return new ModelEvaluation(model, examples.description(), Evaluator.evaluate(model.network(), set, model.head(),
                batch));
    }
}
