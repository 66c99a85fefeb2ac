package io.trainscope.api.data;

import io.trainscope.api.StableApi;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.api.plugin.Plugin;

import java.io.IOException;

/**
 * Produces the examples of a run: a generator (seed 000's Gaussian classification) or a reader
 * (IDX, CSV). The core splits, shuffles, normalizes and batches what it returns.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Everything random is drawn from {@link DataContext#seed()}: one seed, one data set.</li>
 *   <li>Bad input is a {@link DataException} that names the file and says what was expected;
 *       never a partial read, a hang or an out-of-memory error.</li>
 *   <li>Relative paths are resolved against {@link DataContext#baseDirectory()}.</li>
 * </ul>
 */
@StableApi(since = "0.1")
public interface DataSource extends Plugin {

    /**
     * Loads or generates the data.
     *
     * @param params  this plugin's resolved parameters
     * @param context seed and directories of this run
     * @return the examples, in one or more named parts
     * @throws DataException when the input is missing, malformed or inconsistent
     * @throws IOException   when reading fails for reasons outside the data itself
     */
    LoadedData load(Parameters params, DataContext context) throws IOException;
}
