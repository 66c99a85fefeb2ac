package io.trainscope.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One epoch of parameter averaging: the epoch's mini-batches ({@link ShardedDataSet#epoch}),
 * cached on the executors, handed out one averaging round at a time. In round {@code r} every
 * partition trains its batches {@code r*f ... r*f+f-1} ({@code f} the averaging frequency), so each
 * worker trains at most {@code f} mini-batches between two averagings and the partitions never
 * move.
 */
final class EpochRounds implements AutoCloseable {

    private final JavaRDD<ShardedDataSet.NumberedBatch> batches;
    private final int frequency;
    private final int largestShardBatches;
    private final int rounds;

    EpochRounds(ShardedDataSet data, long seed, int epoch, int batchSize, int frequency) {
        this.batches = data.epoch(seed, epoch, batchSize).persist(StorageLevel.MEMORY_ONLY());
        this.frequency = frequency;
        this.largestShardBatches = data.batchesOfLargestShard(batchSize);
        this.rounds = rounds(largestShardBatches, frequency);
    }

    /** Averaging rounds in an epoch whose largest partition has {@code batches} mini-batches. */
    static int rounds(int batches, int frequency) {
        return (batches + frequency - 1) / frequency;
    }

    int rounds() {
        return rounds;
    }

    /** The most mini-batches a worker trains in round {@code round}: the optimizer steps the round advances. */
    int steps(int round) {
        return Math.min(frequency, largestShardBatches - round * frequency);
    }

    /** The mini-batches of round {@code round}, in their partitions. */
    JavaRDD<DataSet> round(int round) {
        int from = round * frequency;
        int to = from + frequency;
        return batches.filter(b -> b.index() >= from && b.index() < to).map(ShardedDataSet.NumberedBatch::batch);
    }

    @Override
    public void close() {
        batches.unpersist(false);
    }
}
