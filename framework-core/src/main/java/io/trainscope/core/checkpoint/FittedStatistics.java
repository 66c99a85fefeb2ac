package io.trainscope.core.checkpoint;

import io.trainscope.api.normalization.FeatureStatistics;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stores the training statistics input normalizers were fitted on in a checkpoint, so a loaded
 * model transforms new inputs exactly as training did. Keys are {@code <normalizer index>.<stat>}.
 */
public final class FittedStatistics {

    private FittedStatistics() {
    }

    /** Flattens statistics by normalizer index into float arrays. */
    public static Map<String, float[]> encode(Map<Integer, FeatureStatistics> fitted) {
        Map<String, float[]> out = new TreeMap<>();
        fitted.forEach((i, s) -> {
            out.put(i + ".mean", floats(s.mean()));
            out.put(i + ".std", floats(s.std()));
            out.put(i + ".min", floats(s.min()));
            out.put(i + ".max", floats(s.max()));
            out.put(i + ".examples", new float[]{s.examples()});
        });
        return out;
    }

    /** Rebuilds statistics by normalizer index. */
    public static Map<Integer, FeatureStatistics> decode(Map<String, float[]> encoded) {
        Map<Integer, FeatureStatistics> out = new HashMap<>();
        for (String key : encoded.keySet()) {
            if (!key.endsWith(".mean")) {
                continue;
            }
            int i = Integer.parseInt(key.substring(0, key.indexOf('.')));
            out.put(i, new FeatureStatistics(row(encoded.get(i + ".mean")), row(encoded.get(i + ".std")),
                    row(encoded.get(i + ".min")), row(encoded.get(i + ".max")), (long) encoded.get(i + ".examples")[0]));
        }
        return out;
    }

    private static float[] floats(INDArray a) {
        return a.castTo(DataType.FLOAT).dup().data().asFloat();
    }

    private static INDArray row(float[] values) {
        return Nd4j.create(values, new long[]{1, values.length}, 'c');
    }
}
