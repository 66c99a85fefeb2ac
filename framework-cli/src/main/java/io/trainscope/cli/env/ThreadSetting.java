package io.trainscope.cli.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * One candidate thread setting: ND4J's OpenMP threads ({@code OMP_NUM_THREADS}, element-wise ops
 * and ND4J's own loops) and the BLAS library's threads (OpenBLAS's GEMMs, set inside the JVM with
 * {@code Nd4j.factory().blas().setMaxThreads}: ND4J overrides {@code OPENBLAS_NUM_THREADS} with
 * {@code OMP_NUM_THREADS} when it loads).
 *
 * @param omp  OpenMP threads, at least 1
 * @param blas BLAS threads, at least 1
 */
public record ThreadSetting(int omp, int blas) {

    /** The bounded thread counts worth probing on {@code cores} cores: the powers of two below it, and itself. */
    public static List<Integer> counts(int cores) {
        TreeSet<Integer> counts = new TreeSet<>();
        for (int n = 1; n < Math.max(1, cores); n *= 2) {
            counts.add(n);
        }
        counts.add(Math.max(1, cores));
        return new ArrayList<>(counts);
    }

    /** Threads in total; fewer is preferred when speeds tie. */
    public int total() {
        return omp + blas;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "OMP_NUM_THREADS=%d, BLAS threads=%d", omp, blas);
    }
}
