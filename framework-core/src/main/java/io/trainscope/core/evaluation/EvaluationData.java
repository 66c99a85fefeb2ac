package io.trainscope.core.evaluation;

import io.trainscope.api.data.DataSource;
import io.trainscope.api.data.Examples;
import io.trainscope.api.data.Task;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.config.DataSpec;
import io.trainscope.core.data.DataPreparer;
import io.trainscope.core.model.TrainedModel;
import io.trainscope.core.plugin.Configured;

import java.util.List;
import java.util.Locale;

/**
 * Which examples an evaluation measures, in words that say which split or part they are, and the
 * checks that other data fits the model: the same number of features (always refused otherwise),
 * the same kind of task and number of classes, and the same class names (refused unless forced:
 * a Fashion-MNIST model measured on digits gives a number that means nothing).
 *
 * @param examples    the examples to measure
 * @param description which data and which part of it, in words
 */
record EvaluationData(Examples examples, String description) {

    /** The run's own test split, else its validation split, saying which and why. */
    static EvaluationData ofRun(TrainedModel model, DataPreparer.Loaded loaded, String run) {
        String data = "the run's data (" + model.experiment().dataSource().name() + ", seed " + model.seed() + ")";
        if (loaded.test() != null) {
            return new EvaluationData(loaded.test(), "test split of " + data);
        }
        if (loaded.validation() == null) {
            throw new TrainscopeException("run " + run + " has neither a test nor a validation split to evaluate on; "
                    + "pass other data with --data");
        }
        return new EvaluationData(loaded.validation(), "validation split of " + data + ", because its data.split has "
                + "no test share and it has no data.test-part");
    }

    /** Other data: its test part or test share if it has one, else its training share, saying which. */
    static EvaluationData ofOther(Configured<DataSource> source, DataSpec spec, DataPreparer.Loaded loaded) {
        String part = DataPreparer.partToSplit(loaded.data(), spec);
        String data = describe(source);
        if (spec.testPart() != null) {
            return new EvaluationData(loaded.test(), data + ", part '" + spec.testPart() + "' (data.test-part)");
        }
        if (loaded.test() != null) {
            return new EvaluationData(loaded.test(), data + ", test share (" + percent(spec.split().test())
                    + ") of part '" + part + "'");
        }
        String share = spec.split().train() >= 1.0 ? "all of part '" + part + "'"
                : "training share (" + percent(spec.split().train()) + ") of part '" + part
                + "', because its split has no test share";
        return new EvaluationData(loaded.train(), data + ", " + share);
    }

    /**
     * Checks that the examples fit the model; returns the description, marked when classes differ
     * and {@code force} let them through.
     */
    EvaluationData checkedAgainst(TrainedModel model, Task dataTask, boolean force) {
        long inputs = model.inputs();
        if (examples.featureCount() != inputs) {
            throw new TrainscopeException("the data has " + examples.featureCount() + " features per example but the model "
                    + "was trained on " + inputs + "; evaluate it on data of the same layout");
        }
        Task modelTask = model.task();
        if (modelTask.getClass() != dataTask.getClass() || modelTask.outputs() != dataTask.outputs()) {
            throw new TrainscopeException("--data: the data is " + describe(dataTask) + " but the model "
                    + "was trained for " + describe(modelTask) + "; evaluate it on data of the same task");
        }
        if (modelTask instanceof Task.Classification m && dataTask instanceof Task.Classification d
                && !m.classNames().equals(d.classNames())) {
            if (!force) {
                throw new TrainscopeException("--data: the data's classes (" + names(d.classNames()) + ") are not the "
                        + "classes the model was trained on (" + names(m.classNames()) + ", from its run's data "
                        + describe(model.experiment().dataSource()) + "); evaluate it on data of the same classes, or pass --force to measure it anyway");
            }
            return new EvaluationData(examples, description + "; its classes (" + names(d.classNames())
                    + ") are not the model's, shown under the model's names (--force)");
        }
        return this;
    }

    /** "iris", or "idx {path=..., class-names=fashion, ...}". */
    private static String describe(Configured<DataSource> source) {
        return source.params().asMap().isEmpty() ? source.name() : source.name() + " " + source.params().asMap();
    }

    private static String describe(Task task) {
        return task instanceof Task.Classification c ? "classification into " + c.classes() + " classes"
                : "regression onto " + task.outputs() + " values";
    }

    private static String names(List<String> names) {
        return names.size() <= 4 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + ", ..., " + names.get(names.size() - 1);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
