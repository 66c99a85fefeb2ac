package io.trainscope.core.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The mini-batches of one epoch: the training set in an order shuffled with a seed derived from
 * the run's seed and the epoch number, so any epoch's order can be rebuilt (for exact resume)
 * without storing it. The last batch may be smaller.
 */
public final class EpochBatches implements Iterator<DataSet> {

    private final DataSet data;
    private final int batchSize;
    private final int[] order;
    private int position;

    /**
     * @param data      the training set
     * @param batchSize examples per batch
     * @param seed      the run's shuffle seed
     * @param epoch     the epoch, from 0
     * @param shuffle   whether to shuffle at all
     */
    public EpochBatches(DataSet data, int batchSize, long seed, int epoch, boolean shuffle) {
        this.data = data;
        this.batchSize = batchSize;
        int n = data.numExamples();
        this.order = shuffle ? DataPreparer.permutation(n, epochSeed(seed, epoch)) : identity(n);
    }

    /** The seed of one epoch's shuffle. */
    public static long epochSeed(long seed, int epoch) {
        return seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + 1;
    }

    /** The number of batches in an epoch of {@code examples} examples. */
    public static int batchesPerEpoch(long examples, int batchSize) {
        return (int) ((examples + batchSize - 1) / batchSize);
    }

    /** Skips the first {@code batches} batches (for resuming inside an epoch). */
    public void skip(int batches) {
        position = Math.min(order.length, position + batches * batchSize);
    }

    @Override
    public boolean hasNext() {
        return position < order.length;
    }

    @Override
    public DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int end = Math.min(order.length, position + batchSize);
        int[] idx = Arrays.copyOfRange(order, position, end);
        position = end;
        INDArray features = Nd4j.pullRows(data.getFeatures(), 1, idx);
        INDArray labels = Nd4j.pullRows(data.getLabels(), 1, idx);
        return new DataSet(features, labels);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
