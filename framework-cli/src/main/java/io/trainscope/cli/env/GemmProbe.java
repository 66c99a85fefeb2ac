package io.trainscope.cli.env;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures ND4J's single-precision GEMM as trainscope's MLPs use it: correctness against a
 * reference computed in Java (double precision) and speed on a 256x784x512 product (MNIST's first
 * layer at batch 256). Run as a child process by {@link NativeCalibration}, with the native
 * settings under test in its environment, it prints one line:
 * {@code gflops=<median> maxRelError=<error>}.
 */
public final class GemmProbe {

    /** The result of one probe. */
    public record Result(double gflops, double maxRelativeError) {
        /** Whether the GEMM computed right (float32 accumulation over 800 terms stays well within 1e-3). */
        public boolean correct() {
            return maxRelativeError < 1e-3;
        }
    }

    private GemmProbe() {
    }

    public static void main(String[] args) {
        Result r = run(args.length > 0 ? Integer.parseInt(args[0]) : 15);
        System.out.printf(Locale.ROOT, "gflops=%.3f maxRelError=%.3e%n", r.gflops(), r.maxRelativeError());
    }

    /** Checks correctness, then times {@code reps} GEMMs after a warm-up; returns the median speed. */
    public static Result run(int reps) {
        double error = maxRelativeError(97, 803, 131, 11);
        int m = 256;
        int k = 784;
        int n = 512;
        INDArray a = Nd4j.rand(DataType.FLOAT, m, k);
        INDArray b = Nd4j.rand(DataType.FLOAT, k, n);
        INDArray c = Nd4j.create(DataType.FLOAT, m, n);
        for (int i = 0; i < 5; i++) {
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        }
        double[] seconds = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            c.getFloat(0);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(seconds);
        double median = seconds[reps / 2];
        return new Result(2.0 * m * k * n / median / 1e9, error);
    }

    /** The largest |ND4J - reference| / max|reference| over an m x k x n product of random numbers in [-1, 1). */
    static double maxRelativeError(int m, int k, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (2 * random.nextDouble() - 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (2 * random.nextDouble() - 1);
        }
        INDArray c = Nd4j.create(a, new long[]{m, k}, 'c').mmul(Nd4j.create(b, new long[]{k, n}, 'c'));
        double maxAbs = 0;
        double maxErr = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double ref = 0;
                for (int p = 0; p < k; p++) {
                    ref += (double) a[i * k + p] * b[p * n + j];
                }
                maxAbs = Math.max(maxAbs, Math.abs(ref));
                maxErr = Math.max(maxErr, Math.abs(ref - c.getDouble(i, j)));
            }
        }
        return maxErr / Math.max(1e-30, maxAbs);
    }
}
