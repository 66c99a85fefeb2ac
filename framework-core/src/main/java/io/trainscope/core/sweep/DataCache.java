package io.trainscope.core.sweep;

import io.trainscope.api.data.Examples;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.config.DataSpec;
import io.trainscope.core.config.ModelSpec;
import io.trainscope.core.config.OutputSpec;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.DataPreparer;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.model.OutputHead;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of a sweep's runs, loaded once per distinct data section and seed and prepared once
 * per distinct input normalization and output: runs that differ only in the model or the
 * training settings share one {@link PreparedData} (read-only during training). Entries are
 * dropped as soon as no remaining run needs them, so a sweep over seeds holds one data set at a
 * time.
 */
final class DataCache {

    /** What loading depends on: the source, its parameters, the data section and the seed. */
    record LoadKey(String source, Parameters params, DataSpec data, long seed) {
        static LoadKey of(ResolvedExperiment e) {
            return new LoadKey(e.dataSource().name(), e.dataSource().params(), e.spec().data(), e.spec().training().seed());
        }
    }

    /** What preparing depends on besides the loaded data: the input normalizers and the output. */
    record PrepareKey(LoadKey load, List<String> normalizers, List<Parameters> params, OutputSpec output) {
        static PrepareKey of(ResolvedExperiment e) {
            ModelSpec model = e.spec().model();
            return new PrepareKey(LoadKey.of(e), e.normalizers().stream().map(n -> n.name()).toList(),
                    e.normalizers().stream().map(n -> n.params()).toList(), model.output());
        }
    }

    private final DataPreparer preparer;
    private final Path cacheDirectory;
    private final Map<LoadKey, DataPreparer.Loaded> loaded = new HashMap<>();
    private final Map<PrepareKey, PreparedData> prepared = new HashMap<>();
    private final Map<LoadKey, Integer> loadUses = new HashMap<>();
    private final Map<PrepareKey, Integer> prepareUses = new HashMap<>();
    private int loads;

    /**
     * @param preparer       loads and prepares
     * @param cacheDirectory where data sources may cache downloads
     * @param runs           every run the cache will serve, in any order (for dropping entries when done)
     */
    DataCache(DataPreparer preparer, Path cacheDirectory, List<ResolvedExperiment> runs) {
        this.preparer = preparer;
        this.cacheDirectory = cacheDirectory;
        for (ResolvedExperiment run : runs) {
            loadUses.merge(LoadKey.of(run), 1, Integer::sum);
            prepareUses.merge(PrepareKey.of(run), 1, Integer::sum);
        }
    }

    /** The prepared data of one run; call once per run, with one of the runs the cache was made for. */
    PreparedData take(ResolvedExperiment run) {
        PrepareKey key = PrepareKey.of(run);
        PreparedData data = prepared.get(key);
        if (data == null) {
            DataPreparer.Loaded raw = loaded.get(key.load());
            if (raw == null) {
                raw = preparer.load(run.dataSource(), run.spec().data(), run.spec().training().seed(), cacheDirectory);
                loads++;
                loaded.put(key.load(), raw);
            }
            OutputHead head = OutputHead.resolve(run.spec().model().output(), raw.data().task());
            // an input transform may overwrite its argument: the loaded arrays stay as loaded for the next preparation
            data = preparer.prepare(copy(raw), head, run.normalizers());
            prepared.put(key, data);
        }
        release(key);
        return data;
    }

    /** Counts a run the cache was made for as served without preparing its data (it had already ended). */
    void skip(ResolvedExperiment run) {
        release(PrepareKey.of(run));
    }

    /** The number of times a data source was asked to load so far. */
    int loads() {
        return loads;
    }

    private void release(PrepareKey key) {
        if (prepareUses.merge(key, -1, Integer::sum) <= 0) {
            prepared.remove(key);
        }
        if (loadUses.merge(key.load(), -1, Integer::sum) <= 0) {
            loaded.remove(key.load());
        }
    }

    private static DataPreparer.Loaded copy(DataPreparer.Loaded raw) {
        return new DataPreparer.Loaded(raw.data(), copy(raw.train()), copy(raw.validation()), copy(raw.test()));
    }

    private static Examples copy(Examples e) {
        return e == null ? null : new Examples(e.features().dup(), e.targets());
    }
}
