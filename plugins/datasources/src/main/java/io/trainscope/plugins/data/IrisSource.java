package io.trainscope.plugins.data;

import io.trainscope.api.data.DataContext;
import io.trainscope.api.data.DataSource;
import io.trainscope.api.data.LoadedData;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.plugins.data.internal.CsvData;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Fisher's Iris data, built in ({@code iris}): 150 flowers, 4 features (sepal length, sepal
 * width, petal length, petal width, in cm), 3 classes of 50 ({@code setosa}, {@code versicolor},
 * {@code virginica}). A small real data set that needs no files and no network.
 *
 * <p>The values are UCI's {@code iris.data} (via SciPy's test copy of {@code iris.arff}), which
 * differs from Fisher's 1936 table in two values of examples 35 and 38. They ship as the resource
 * {@code io/trainscope/plugins/data/iris.csv} and are read with the {@code csv} source's reader.
 * The examples come in the file's order (grouped by class); the core shuffles.
 */
public final class IrisSource implements DataSource {

    /** The classpath resource holding the data. */
    static final String RESOURCE = "iris.csv";
    /** The target column of the resource. */
    static final String LABEL_COLUMN = "species";

    @Override
    public String name() {
        return "iris";
    }

    @Override
    public String description() {
        return "Fisher's Iris data, built in: 150 examples, 4 features, 3 classes";
    }

    @Override
    public LoadedData load(Parameters params, DataContext context) throws IOException {
        InputStream in = IrisSource.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("resource " + RESOURCE + " is missing beside "
                    + IrisSource.class.getName() + "; the trainscope-datasources jar is incomplete");
        }
        return CsvData.read(new InputStreamReader(in, StandardCharsets.UTF_8), "iris.csv (built in)", ',',
                LABEL_COLUMN, true);
    }
}
