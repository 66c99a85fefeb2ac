package io.trainscope.cli.bench;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Whether data parallelism inside one step would use the second core (issue 17): the benchmark MLP
 * with trainscope's layers, bare {@code fit} on the whole batch on one thread, against two networks
 * that share one parameter array, each computing the gradient of half the batch on its own thread,
 * the two gradients summed and DL4J's updater applied once for the whole batch. The sums over the
 * batch then run in another order, so the weights differ in the last bits (printed: the largest
 * difference after training, and the losses). Interleaved in one JVM, median of the rounds.
 *
 * <pre>
 * OMP_NUM_THREADS=1 java -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 \
 *     -cp "framework-cli/target/classes:$(cat framework-cli/target/launcher.classpath)" \
 *     io.trainscope.cli.bench.HalfBatchHarness [rounds]
 * </pre>
 */
public final class HalfBatchHarness {

    private static final int STEPS = 8;
    private static final int HALF = BenchMlp.BATCH / 2;

    private final MultiLayerNetwork first = BenchMlp.network(true);
    private final MultiLayerNetwork second = new MultiLayerNetwork(first.getLayerWiseConfigurations().clone());
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "half-batch-worker");
        t.setDaemon(true);
        return t;
    });
    private int iteration;

    private HalfBatchHarness() {
        second.init(first.params(), false);   // the same parameter array: views into one buffer
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Nd4j.getRandom().setSeed(3);
        List<DataSet> batches = IntStream.range(0, 4).mapToObj(BenchMlp::batch).toList();
        MultiLayerNetwork whole = BenchMlp.network(true);
        HalfBatchHarness halves = new HalfBatchHarness();
        double[][] rates = new double[2][rounds];
        for (int r = -2; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int v = (k + Math.max(0, r)) % 2;
                long t0 = System.nanoTime();
                for (int s = 0; s < STEPS; s++) {
                    if (v == 0) {
                        whole.fit(batches.get(s % batches.size()));
                    } else {
                        halves.step(batches.get(s % batches.size()));
                    }
                }
                if (r >= 0) {
                    rates[v][r] = STEPS * BenchMlp.BATCH / ((System.nanoTime() - t0) / 1e9);
                }
            }
        }
        print(rates, rounds);
        double diff = whole.params().sub(halves.first.params()).amaxNumber().doubleValue();
        System.out.printf(Locale.ROOT, "after training: largest weight difference %.3e; loss on batch 0 %.6f (whole) %.6f (halves)%n",
                diff, whole.score(batches.get(0)), halves.first.score(batches.get(0)));
    }

    /** One step: each half's gradient on its own thread, summed, one update for the whole batch. */
    private void step(DataSet batch) throws Exception {
        DataSet a = half(batch, 0);
        DataSet b = half(batch, HALF);
        Future<?> other = worker.submit(() -> gradient(second, b));
        gradient(first, a);
        other.get();
        INDArray sum = first.getFlattenedGradients().addi(second.getFlattenedGradients());
        first.getUpdater().update(first, first.gradient(), iteration++, 0, BenchMlp.BATCH,
                LayerWorkspaceMgr.noWorkspaces());
        first.params().subi(sum.reshape(first.params().shape()));
    }

    private static void gradient(MultiLayerNetwork net, DataSet half) {
        net.setInput(half.getFeatures());
        net.setLabels(half.getLabels());
        net.computeGradientAndScore();
    }

    private static DataSet half(DataSet batch, int from) {
        var rows = NDArrayIndex.interval(from, from + HALF);
        return new DataSet(batch.getFeatures().get(rows, NDArrayIndex.all()),
                batch.getLabels().get(rows, NDArrayIndex.all()));
    }

    private static void print(double[][] rates, int rounds) {
        String[] names = {"whole batch, one thread (fit)", "half batch on each of two threads"};
        for (int v = 0; v < 2; v++) {
            double[] s = rates[v].clone();
            Arrays.sort(s);
            System.out.printf(Locale.ROOT, "%-36s %9.0f samples/s (median of %d rounds of %d steps; min %.0f, max %.0f)%n",
                    names[v], s[rounds / 2], rounds, STEPS, s[0], s[rounds - 1]);
        }
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratio[r] = rates[1][r] / rates[0][r];
        }
        Arrays.sort(ratio);
        System.out.printf(Locale.ROOT, "two threads / one, per round: median %.3f (min %.3f, max %.3f)%n",
                ratio[rounds / 2], ratio[0], ratio[rounds - 1]);
    }
}
