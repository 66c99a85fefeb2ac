package io.trainscope.core.data;

import io.trainscope.api.data.DataContext;
import io.trainscope.api.data.DataException;
import io.trainscope.api.data.DataSource;
import io.trainscope.api.data.Examples;
import io.trainscope.api.data.LoadedData;
import io.trainscope.api.normalization.FeatureStatistics;
import io.trainscope.api.normalization.InputTransform;
import io.trainscope.api.normalization.Normalizer;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.config.ConfigException;
import io.trainscope.core.config.DataSpec;
import io.trainscope.core.config.SplitSpec;
import io.trainscope.core.model.OutputHead;
import io.trainscope.core.plugin.Configured;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Loads a run's data through its data source plugin and makes it ready for the network: picks the
 * part to split, splits it with a seed into training, validation and test sets, fits input
 * normalizers on the training split only, applies them to every split, and encodes labels.
 */
public final class DataPreparer {

    /** The loaded data of a run before the output layer is known. */
    public record Loaded(LoadedData data, Examples train, Examples validation, Examples test) {
    }

    /**
     * Loads and splits.
     *
     * @param seed the run's seed (used for the split unless the config fixes one, and by the source)
     */
    public Loaded load(Configured<DataSource> source, DataSpec spec, long seed, Path cacheDirectory) {
        LoadedData data;
        try {
            data = source.plugin().load(source.params(), new DataContext(seed, spec.baseDirectory(), cacheDirectory));
        } catch (DataException e) {
            throw new TrainscopeException("data source '" + source.name() + "': " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TrainscopeException("data source '" + source.name() + "' could not read its input: " + e.getMessage(), e);
        }
        Examples part = part(data, partToSplit(data, spec), "data.part");
        SplitSpec split = spec.split();
        long n = part.size();
        int[] order = permutation(n, split.seed() != null ? split.seed() : seed);
        long nTrain = Math.round(n * split.train());
        long nVal = Math.round(n * split.validation());
        long nTest = Math.round(n * split.test());
        if (nTrain + nVal + nTest > n) {
            nTrain = n - nVal - nTest;
        }
        if (nTrain <= 0) {
            throw new ConfigException("data.split.train", "leaves no training examples out of " + n);
        }
        Examples train = rows(part, order, 0, nTrain);
        Examples validation = nVal > 0 ? rows(part, order, nTrain, nTrain + nVal) : null;
        Examples test = nTest > 0 ? rows(part, order, nTrain + nVal, nTrain + nVal + nTest) : null;
        if (spec.testPart() != null) {
            if (test != null) {
                throw new ConfigException("data.test-part", "cannot be combined with a test fraction in data.split");
            }
            test = part(data, spec.testPart(), "data.test-part");
        }
        return new Loaded(data, train, validation, test);
    }

    /** The name of the part that {@code spec} splits: its {@code part}, else {@code train} if present, else the first. */
    public static String partToSplit(LoadedData data, DataSpec spec) {
        return spec.part() != null ? spec.part()
                : data.parts().containsKey("train") ? "train" : data.parts().keySet().iterator().next();
    }

    /** Normalizes inputs and encodes labels for {@code head}. */
    public PreparedData prepare(Loaded loaded, OutputHead head, List<Configured<Normalizer>> normalizers) {
        List<InputTransform> transforms = new ArrayList<>();
        INDArray trainX = loaded.train().features().castTo(DataType.FLOAT);
        INDArray valX = loaded.validation() == null ? null : loaded.validation().features().castTo(DataType.FLOAT);
        INDArray testX = loaded.test() == null ? null : loaded.test().features().castTo(DataType.FLOAT);
        Map<Integer, FeatureStatistics> fitted = new HashMap<>();
        for (int i = 0; i < normalizers.size(); i++) {
            Configured<Normalizer> n = normalizers.get(i);
            FeatureStatistics stats = statistics(trainX);
            var transform = n.plugin().inputTransform(stats, n.params());
            if (transform.isPresent()) {
                fitted.put(i, stats);
                InputTransform t = transform.get();
                transforms.add(t);
                trainX = t.apply(trainX);
                valX = valX == null ? null : t.apply(valX);
                testX = testX == null ? null : t.apply(testX);
            }
        }
        return new PreparedData(loaded.data().task(),
                new DataSet(trainX, LabelEncoder.encode(loaded.train().targets(), head)),
                valX == null ? null : new DataSet(valX, LabelEncoder.encode(loaded.validation().targets(), head)),
                testX == null ? null : new DataSet(testX, LabelEncoder.encode(loaded.test().targets(), head)),
                trainX.columns(), transforms, fitted, head);
    }

    /** Per-feature mean, population std, min and max of a feature matrix. */
    public static FeatureStatistics statistics(INDArray x) {
        long d = x.columns();
        return new FeatureStatistics(x.mean(0).reshape(1, d), x.std(false, 0).reshape(1, d),
                x.min(0).reshape(1, d), x.max(0).reshape(1, d), x.rows());
    }

    private static Examples part(LoadedData data, String name, String path) {
        Examples e = data.parts().get(name);
        if (e == null) {
            throw new ConfigException(path, "the data has no part '" + name + "'; it has "
                    + String.join(", ", data.parts().keySet()));
        }
        return e;
    }

    /** A seeded Fisher-Yates permutation of {@code 0..n-1}. */
    static int[] permutation(long n, long seed) {
        int[] order = new int[Math.toIntExact(n)];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static Examples rows(Examples all, int[] order, long from, long to) {
        int[] idx = Arrays.copyOfRange(order, (int) from, (int) to);
        Arrays.sort(idx);
        return new Examples(Nd4j.pullRows(all.features(), 1, idx), Nd4j.pullRows(all.targets(), 1, idx));
    }
}
