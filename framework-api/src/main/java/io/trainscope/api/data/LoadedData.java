package io.trainscope.api.data;

import io.trainscope.api.StableApi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link DataSource} returns: the task and the examples in named parts. Sources with a
 * predefined split (IDX's {@code train} and {@code t10k} files) return several parts; generators
 * return one part named {@value #ALL}. The config chooses which part is split into
 * training, validation and test sets.
 *
 * @param task  what the targets mean
 * @param parts the examples by part name, in a stable order; at least one
 * @param image the shape of each example as an image, or null when the examples are not images;
 *              when set, every part has exactly {@link ImageShape#features()} features
 */
@StableApi(since = "0.1")
public record LoadedData(Task task, Map<String, Examples> parts, ImageShape image) {

    /** The part name of sources that have no predefined split. */
    public static final String ALL = "all";

    public LoadedData {
        Objects.requireNonNull(task, "task");
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("a data source must return at least one part");
        }
        parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        long features = -1;
        for (Map.Entry<String, Examples> e : parts.entrySet()) {
            if (features >= 0 && e.getValue().featureCount() != features) {
                throw new IllegalArgumentException("part '" + e.getKey() + "' has " + e.getValue().featureCount()
                        + " features, others have " + features);
            }
            features = e.getValue().featureCount();
        }
        if (image != null && image.features() != features) {
            throw new IllegalArgumentException("the image shape " + image + " has " + image.features()
                    + " features, the parts have " + features);
        }
    }

    /** Data that are not images. */
    public LoadedData(Task task, Map<String, Examples> parts) {
        this(task, parts, null);
    }

    /** A single-part data set named {@value #ALL}. */
    public static LoadedData single(Task task, Examples examples) {
        return new LoadedData(task, Map.of(ALL, examples));
    }
}
