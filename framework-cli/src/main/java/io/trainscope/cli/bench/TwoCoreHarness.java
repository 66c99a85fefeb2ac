package io.trainscope.cli.bench;

import io.trainscope.core.model.TwoCoreProducts;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Bare {@code fit} of the benchmark MLP (784-512-256-256-128-10 ReLU, softmax, batch 256, SGD), in
 * one JVM, interleaved: DL4J's dense layers, trainscope's with every product on the training
 * thread, and trainscope's with large products split over two threads ({@link TwoCoreProducts}).
 * Prints the median samples/s of each and whether the last two trained to the same bits.
 *
 * <pre>
 * OMP_NUM_THREADS=1 java -cp "framework-cli/target/classes:$(cat framework-cli/target/launcher.classpath)" \
 *     io.trainscope.cli.bench.TwoCoreHarness [rounds] [granule]
 * </pre>
 */
public final class TwoCoreHarness {

    private static final int STEPS = 8;

    private TwoCoreHarness() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int granule = args.length > 1 ? Integer.parseInt(args[1]) : TwoCoreProducts.verifiedGranule(40);
        System.out.println("column granule " + granule + (granule == 0 ? " (none keeps the bits: splitting stays off)" : ""));
        Nd4j.getRandom().setSeed(3);
        List<DataSet> batches = IntStream.range(0, 4).mapToObj(BenchMlp::batch).toList();
        MultiLayerNetwork[] nets = {BenchMlp.network(false), BenchMlp.network(true), BenchMlp.network(true)};
        String[] names = {"dl4j layers", "trainscope layers, one thread", "trainscope layers, two-core products"};
        double[][] rates = new double[3][rounds];
        for (int r = -2; r < rounds; r++) {
            for (int k = 0; k < 3; k++) {
                int v = (k + Math.max(0, r)) % 3;
                if (v == 2 && granule > 0) {
                    TwoCoreProducts.enable(granule);
                } else {
                    TwoCoreProducts.disable();
                }
                long t0 = System.nanoTime();
                for (int s = 0; s < STEPS; s++) {
                    nets[v].fit(batches.get(s % batches.size()));
                }
                double sec = (System.nanoTime() - t0) / 1e9;
                if (r >= 0) {
                    rates[v][r] = STEPS * BenchMlp.BATCH / sec;
                }
            }
        }
        TwoCoreProducts.disable();
        print(names, rates, rounds);
        System.out.println("same bits after training: "
                + Arrays.equals(nets[1].params().data().asFloat(), nets[2].params().data().asFloat()));
    }

    private static void print(String[] names, double[][] rates, int rounds) {
        for (int v = 0; v < names.length; v++) {
            double[] sorted = rates[v].clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%-40s %9.0f samples/s (median of %d rounds of %d steps; min %.0f, max %.0f)%n",
                    names[v], sorted[rounds / 2], rounds, STEPS, sorted[0], sorted[rounds - 1]);
        }
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratio[r] = rates[2][r] / rates[1][r];
        }
        Arrays.sort(ratio);
        System.out.printf(Locale.ROOT, "two-core / one thread, per round: median %.3f (min %.3f, max %.3f)%n",
                ratio[rounds / 2], ratio[0], ratio[rounds - 1]);
    }
}
