package io.trainscope.core.monitor;

import io.trainscope.api.monitor.Histogram;
import io.trainscope.api.monitor.Statistics;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Mean;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Norm2;
import org.nd4j.linalg.api.ops.impl.reduce.same.Max;
import org.nd4j.linalg.api.ops.impl.reduce.same.Min;
import org.nd4j.linalg.api.ops.impl.summarystats.StandardDeviation;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * {@link Statistics} on ND4J: every reduction writes into a slot of one result vector that lives
 * outside any workspace, and the vector is copied to the host once per call, instead of one
 * round trip per value.
 */
public final class Nd4jStatistics implements Statistics {

    private INDArray results;

    @Override
    public double[] norms(List<INDArray> arrays) {
        INDArray r = results(arrays.size(), type(arrays));
        for (int i = 0; i < arrays.size(); i++) {
            Nd4j.getExecutioner().exec(new Norm2(arrays.get(i), r.getScalar(i)));
        }
        return copy(r, arrays.size());
    }

    @Override
    public Summary[] summaries(List<INDArray> arrays) {
        int k = arrays.size();
        INDArray r = results(4 * k, type(arrays));
        for (int i = 0; i < k; i++) {
            INDArray a = arrays.get(i);
            Nd4j.getExecutioner().exec(new Mean(a, r.getScalar(4L * i)));
            Nd4j.getExecutioner().exec(new StandardDeviation(a, r.getScalar(4L * i + 1), false));
            Nd4j.getExecutioner().exec(new Min(a, r.getScalar(4L * i + 2)));
            Nd4j.getExecutioner().exec(new Max(a, r.getScalar(4L * i + 3)));
        }
        double[] v = copy(r, 4 * k);
        Summary[] out = new Summary[k];
        for (int i = 0; i < k; i++) {
            out[i] = new Summary(v[4 * i], v[4 * i + 1], v[4 * i + 2], v[4 * i + 3], arrays.get(i).length());
        }
        return out;
    }

    @Override
    public Histogram histogram(INDArray values, double low, double high, int bins) {
        if (bins <= 0 || !(high > low)) {
            throw new IllegalArgumentException("a histogram needs bins > 0 and high > low, got " + bins + " bins over ["
                    + low + ", " + high + "]");
        }
        float[] data;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray copy = values.castTo(DataType.FLOAT).dup('c');
            data = copy.data().asFloat();
            copy.close();
        }
        long[] counts = new long[bins];
        double width = (high - low) / bins;
        for (float f : data) {
            if (f >= low && f <= high) {
                int b = (int) ((f - low) / width);
                counts[Math.min(bins - 1, b)]++;
            }
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = low + i * width;
        }
        edges[bins] = high;
        return new Histogram(edges, counts);
    }

    @Override
    public Histogram histogram(INDArray values, int bins) {
        double min = values.minNumber().doubleValue();
        double max = values.maxNumber().doubleValue();
        if (!(max > min)) {
            double pad = Math.max(1e-12, Math.abs(min) * 1e-6);
            min -= pad;
            max += pad;
        }
        return histogram(values, min, max, bins);
    }

    private INDArray results(int size, DataType type) {
        if (results == null || results.length() < size || results.dataType() != type) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                if (results != null) {
                    results.close();
                }
                results = Nd4j.create(type, Math.max(16, size));
            }
        }
        return results;
    }

    /** Reductions write in the input's floating type; mixed inputs are reduced in double. */
    private static DataType type(List<INDArray> arrays) {
        DataType t = arrays.isEmpty() ? DataType.FLOAT : arrays.get(0).dataType();
        for (INDArray a : arrays) {
            if (a.dataType() != t || !t.isFPType()) {
                throw new IllegalArgumentException("statistics need arrays of one floating type, got " + t + " and "
                        + a.dataType());
            }
        }
        return t;
    }

    private static double[] copy(INDArray r, int size) {
        double[] all = r.toDoubleVector();
        return size == all.length ? all : java.util.Arrays.copyOf(all, size);
    }
}
