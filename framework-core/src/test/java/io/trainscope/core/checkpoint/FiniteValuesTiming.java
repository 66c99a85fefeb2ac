package io.trainscope.core.checkpoint;

import io.trainscope.core.Trainscope;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.EpochBatches;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.model.NetworkBuilder;
import io.trainscope.core.training.RunOptions;
import org.bytedeco.javacpp.IntPointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.longer.MatchCondition;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Not a test: times ways to check a network's parameters for NaN and infinities right after each
 * {@code fit} of the benchmark's network (the cache state the guard sees), one way per iteration in
 * rotation, and prints the median per way (docs/performance.md, "The non-finite guard's scan").
 *
 * <pre>{@code
 * mvn -o -q test-compile -pl framework-core -am
 * OMP_NUM_THREADS=1 java -cp framework-core/target/test-classes:$(cat framework-cli/target/launcher.classpath) \
 *   io.trainscope.core.checkpoint.FiniteValuesTiming examples/configs/bench-mlp-synthetic.yaml 1100
 * }</pre>
 */
public final class FiniteValuesTiming {

    private static final int WARM_UP = 100;

    private FiniteValuesTiming() {
    }

    public static void main(String[] args) {
        Trainscope ts = Trainscope.create();
        ResolvedExperiment exp = ts.resolve(Path.of(args[0]));
        int iterations = Integer.parseInt(args[1]);
        int batch = exp.spec().training().batchSize();
        PreparedData data = ts.trainer().prepare(exp, RunOptions.inMemory(null));
        MultiLayerNetwork net = ts.get(NetworkBuilder.class).build(exp, data.inputs(), data.image(), data.head(), 1,
                exp.optimizer().create(exp.optimizerParams(), null), NetworkBuilder.DenseImplementation.REUSING,
                DataType.FLOAT).network();
        List<DataSet> batches = new ArrayList<>();
        new EpochBatches(data.train(), batch, 1, 0, true).forEachRemaining(batches::add);
        Map<String, Predicate<INDArray>> ways = ways();
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        ms.put("fit", new ArrayList<>());
        ways.keySet().forEach(w -> ms.put(w, new ArrayList<>()));
        List<String> names = List.copyOf(ways.keySet());
        boolean finite = true;
        for (int it = 0; it < iterations; it++) {
            long t0 = System.nanoTime();
            net.fit(batches.get(it % batches.size()));
            long t1 = System.nanoTime();
            String way = names.get(it % names.size());
            finite &= ways.get(way).test(net.params());
            long t2 = System.nanoTime();
            if (it >= WARM_UP) {
                ms.get("fit").add((t1 - t0) / 1e6);
                ms.get(way).add((t2 - t1) / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "%d parameters, all finite: %s%n", net.params().length(), finite);
        ms.forEach((name, x) -> System.out.printf(Locale.ROOT, "%-28s median %.4f ms (n=%d)%n", name, median(x), x.size()));
    }

    private static Map<String, Predicate<INDArray>> ways() {
        FiniteValues folded = new FiniteValues();
        int[] chunk = new int[1 << 14];
        Map<String, Predicate<INDArray>> ways = new LinkedHashMap<>();
        ways.put("FiniteValues (folds)", folded::all);
        ways.put("one OR reduction (before)", a -> reduction(new IntPointer(a.data().addressPointer()), a.length(), chunk));
        ways.put("sumNumber() is finite", a -> Double.isFinite(a.sumNumber().doubleValue()));
        ways.put("MatchCondition isNan+isInf", a -> count(a, Conditions.isNan()) == 0 && count(a, Conditions.isInfinite()) == 0);
        ways.put("nothing", a -> true);
        return ways;
    }

    /** The scan FiniteValues had before its folds: one OR reduction over each chunk. */
    private static boolean reduction(IntPointer bits, long n, int[] chunk) {
        for (long start = 0; start < n; start += chunk.length) {
            int len = (int) Math.min(chunk.length, n - start);
            bits.position(start).get(chunk, 0, len);
            int any = 0;
            for (int i = 0; i < len; i++) {
                any |= (chunk[i] & 0x7f800000) + 0x00800000;
            }
            if (any < 0) {
                return false;
            }
        }
        return true;
    }

    private static long count(INDArray a, org.nd4j.linalg.indexing.conditions.Condition c) {
        return Nd4j.getExecutioner().exec(new MatchCondition(a, c)).getLong(0);
    }

    private static double median(List<Double> x) {
        double[] v = x.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[v.length / 2];
    }
}
