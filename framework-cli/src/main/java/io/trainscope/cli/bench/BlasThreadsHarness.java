package io.trainscope.cli.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why more BLAS threads do not speed up {@code fit} (issue 17, docs/performance.md): times, in one
 * JVM and interleaved, each matrix product of one training iteration of an MLP exactly as DL4J and
 * trainscope's dense layer call it (forward {@code x.mmuli(W, z)} into a c-order array, weight
 * gradient {@code gemm(x, δ, transA)}, input gradient {@code W.mmuli(δᵀ)}) and the element-wise ops
 * that follow a product (bias add, ReLU), at 1 and at 2 (or {@code --threads}) BLAS threads.
 *
 * <pre>
 * java -cp "framework-cli/target/classes:$(cat framework-cli/target/launcher.classpath)" \
 *     io.trainscope.cli.bench.BlasThreadsHarness 784,512,256,256,128,10 256 [threads...]
 * </pre>
 */
public final class BlasThreadsHarness {

    private static final int ROUNDS = 15;
    private static final int CALLS = 10;

    private BlasThreadsHarness() {
    }

    public static void main(String[] args) {
        List<Integer> widths = Arrays.stream((args.length > 0 ? args[0] : "784,512,256,256,128,10").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int[] threads = args.length > 2 ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[]{1, 2};
        Map<String, Runnable> ops = ops(widths, batch);
        Map<String, double[][]> ms = new LinkedHashMap<>();
        ops.keySet().forEach(k -> ms.put(k, new double[threads.length][ROUNDS]));
        var blas = Nd4j.factory().blas();
        int before = blas.getMaxThreads();
        try {
            for (int r = -2; r < ROUNDS; r++) {
                for (int t = 0; t < threads.length; t++) {
                    blas.setMaxThreads(threads[t]);
                    for (var e : ops.entrySet()) {
                        long t0 = System.nanoTime();
                        for (int c = 0; c < CALLS; c++) {
                            e.getValue().run();
                        }
                        if (r >= 0) {
                            ms.get(e.getKey())[t][r] = (System.nanoTime() - t0) / 1e6 / CALLS;
                        }
                    }
                }
            }
        } finally {
            blas.setMaxThreads(before);
        }
        print(ms, threads);
    }

    /** Every product of one iteration, and the element-wise ops right after a product, by name. */
    private static Map<String, Runnable> ops(List<Integer> widths, int batch) {
        Map<String, Runnable> ops = new LinkedHashMap<>();
        for (int l = 0; l + 1 < widths.size(); l++) {
            int in = widths.get(l);
            int out = widths.get(l + 1);
            INDArray x = Nd4j.rand(DataType.FLOAT, batch, in);
            INDArray w = Nd4j.rand(DataType.FLOAT, in, out).dup('f');   // DL4J's W: an f-order view of the parameters
            INDArray b = Nd4j.rand(DataType.FLOAT, 1, out);
            INDArray delta = Nd4j.rand(DataType.FLOAT, batch, out);
            INDArray z = Nd4j.create(DataType.FLOAT, new long[]{batch, out}, 'c');
            INDArray wg = Nd4j.create(DataType.FLOAT, new long[]{in, out}, 'f');
            INDArray eps = Nd4j.create(DataType.FLOAT, new long[]{in, batch}, 'f');
            String shape = batch + "x" + in + "x" + out;
            ops.put("forward x.mmuli(W) " + shape, () -> x.mmuli(w, z));
            INDArray zf = Nd4j.create(DataType.FLOAT, new long[]{batch, out}, 'f');
            ops.put("  same into f-order: gemm(x, W)", () -> Nd4j.gemm(x, w, zf, false, false, 1.0, 0.0));
            ops.put("  then bias add + relu " + batch + "x" + out, () -> {
                x.mmuli(w, z);
                z.addiRowVector(b);
                Transforms.relu(z, false);
            });
            ops.put("weight grad gemm(xT, d) " + shape, () -> Nd4j.gemm(x, delta, wg, true, false, 1.0, 0.0));
            if (l > 0) {
                ops.put("input grad W.mmuli(dT) " + shape, () -> w.mmuli(delta.transpose(), eps));
            }
        }
        INDArray a = Nd4j.rand(DataType.FLOAT, batch, 512);
        INDArray c = Nd4j.rand(DataType.FLOAT, batch, 512);
        ops.put("element-wise addi " + batch + "x512 alone", () -> a.addi(c));
        return ops;
    }

    private static void print(Map<String, double[][]> ms, int[] threads) {
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-42s", "ms per call (median of " + ROUNDS + ")"));
        for (int t : threads) {
            head.append(String.format(Locale.ROOT, " %11s", t + " thread" + (t == 1 ? "" : "s")));
        }
        head.append(String.format(Locale.ROOT, " %9s", "ratio"));
        System.out.println(head);
        List<double[]> sums = new ArrayList<>();
        double[] products = new double[threads.length];
        for (var e : ms.entrySet()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-42s", e.getKey()));
            double[] med = new double[threads.length];
            for (int t = 0; t < threads.length; t++) {
                med[t] = Stats.of(e.getValue()[t]).median();
                if (!e.getKey().startsWith(" ") && !e.getKey().startsWith("element")) {   // the training path's products
                    products[t] += med[t];
                }
                row.append(String.format(Locale.ROOT, " %11.3f", med[t]));
            }
            row.append(String.format(Locale.ROOT, " %9.2f", med[0] / med[threads.length - 1]));
            sums.add(med);
            System.out.println(row);
        }
        StringBuilder total = new StringBuilder(String.format(Locale.ROOT, "%-42s", "all products of one iteration"));
        for (double p : products) {
            total.append(String.format(Locale.ROOT, " %11.3f", p));
        }
        total.append(String.format(Locale.ROOT, " %9.2f", products[0] / products[threads.length - 1]));
        System.out.println(total);
    }
}
