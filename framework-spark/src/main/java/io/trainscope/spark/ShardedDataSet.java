package io.trainscope.spark;

import io.trainscope.core.data.EpochBatches;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.storage.StorageLevel;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A data set distributed over Spark partitions: the examples are cut into one contiguous shard per
 * partition, shipped to the executors once and kept there. trainscope's data sources load on the
 * driver (IDX and CSV files are read there); this class is where the examples leave it. The shards
 * of a split are random subsets already: the split shuffled the examples.
 *
 * <p>The shards are locally checkpointed as soon as they are shipped: a partition of
 * {@code parallelize} carries its data, and without the checkpoint every later task on it (every
 * averaging round) would ship the shard again. The price: a lost executor loses its shards, and
 * the run fails instead of recomputing them.
 */
final class ShardedDataSet implements AutoCloseable {

    private final JavaRDD<DataSet> shards;
    private final int partitions;
    private final long examples;

    /**
     * @param data       the examples (features and labels), on the driver
     * @param partitions how many shards, normally the number of workers
     */
    ShardedDataSet(JavaSparkContext sc, DataSet data, int partitions) {
        this.examples = data.numExamples();
        this.partitions = (int) Math.max(1, Math.min(partitions, examples));
        JavaRDD<DataSet> shipped = sc.parallelize(cut(data, this.partitions), this.partitions);
        shipped.persist(StorageLevel.MEMORY_ONLY()).rdd().localCheckpoint();
        shipped.count();
        this.shards = shipped;
    }

    /** The shards, one {@link DataSet} per partition. */
    JavaRDD<DataSet> shards() {
        return shards;
    }

    int partitions() {
        return partitions;
    }

    long examples() {
        return examples;
    }

    /**
     * The mini-batches of one epoch: every partition shuffles its own shard with a seed derived
     * from the run's seed, the epoch and the partition, and cuts it into batches of
     * {@code batchSize} (the last one smaller), numbered from 0 within the partition. Nothing
     * moves between partitions.
     */
    JavaRDD<NumberedBatch> epoch(long seed, int epoch, int batchSize) {
        return shards.mapPartitionsWithIndex(new ShuffleAndCut(seed, epoch, batchSize), true);
    }

    /** The number of mini-batches the largest shard gives per epoch. */
    int batchesOfLargestShard(int batchSize) {
        return EpochBatches.batchesPerEpoch((examples + partitions - 1) / partitions, batchSize);
    }

    @Override
    public void close() {
        shards.unpersist(false);
    }

    /** Contiguous slices as equal as possible (sizes differ by at most one). */
    static List<DataSet> cut(DataSet data, int parts) {
        long n = data.numExamples();
        List<DataSet> out = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            long from = n * p / parts;
            long to = n * (p + 1) / parts;
            out.add(new DataSet(
                    data.getFeatures().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup(),
                    data.getLabels().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup()));
        }
        return out;
    }

    /** One mini-batch and its position within its partition's epoch. */
    record NumberedBatch(int index, DataSet batch) implements java.io.Serializable {
    }

    /** Shuffles one partition's shard and cuts it into numbered mini-batches. */
    private record ShuffleAndCut(long seed, int epoch, int batchSize)
            implements Function2<Integer, Iterator<DataSet>, Iterator<NumberedBatch>> {
        @Override
        public Iterator<NumberedBatch> call(Integer partition, Iterator<DataSet> shardsOfPartition) {
            List<NumberedBatch> batches = new ArrayList<>();
            while (shardsOfPartition.hasNext()) {
                EpochBatches order = new EpochBatches(shardsOfPartition.next(), batchSize,
                        seed + 0x632BE59BD9B4E019L * (partition + 1), epoch, true);
                while (order.hasNext()) {
                    batches.add(new NumberedBatch(batches.size(), order.next()));
                }
            }
            return batches.iterator();
        }
    }
}
