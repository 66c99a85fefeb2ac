package io.trainscope.core.model;

import org.nd4j.linalg.api.blas.BlasBufferUtil;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The large matrix products of trainscope's dense layers split in two parts of the result's
 * columns, one computed by the training thread and one by a worker thread ({@link ProductWorker}),
 * each with single-threaded BLAS. Where the split falls matters for the bits: OpenBLAS 0.3.19's
 * Haswell/Zen SGEMM kernel works through the columns in blocks of 12, and a split at any other
 * column changes the summation order of some values; split at a multiple of that block (the
 * <em>column granule</em>), every value is the same float as from the whole product.
 * {@link #verifiedGranule} finds the smallest granule that gives the whole product's bits over many
 * shapes on this machine's BLAS (0 when none does). Off by default; the command line turns it on
 * when the machine's calibration found a granule and a faster training step ({@value #VARIABLE}
 * holds the granule), and an application that embeds trainscope calls {@link #enable} or
 * {@link #disable}. It only pays with one BLAS thread and at least two cores.
 */
public final class TwoCoreProducts {

    /** The variable (or system property {@code trainscope.two-core-products}) holding the column granule; 0 or unset: off. */
    public static final String VARIABLE = "TRAINSCOPE_TWO_CORE_PRODUCTS";
    /** Products with fewer multiply-adds than this run whole: the hand-over costs about as much as they gain. */
    public static final long DEFAULT_MIN_MACS = 1L << 22;

    private static final int[] CANDIDATES = {4, 8, 12, 16, 24, 32, 48, 64, 96, 128};

    private static volatile int granule = initial();
    private static volatile long minMacs = DEFAULT_MIN_MACS;

    private TwoCoreProducts() {
    }

    private static int initial() {
        String v = System.getProperty("trainscope.two-core-products", System.getenv(VARIABLE));
        try {
            return v == null || v.isBlank() ? 0 : Math.max(0, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Splits large products from the next one on, for every network of this JVM, at multiples of
     * {@code columnGranule} columns (use {@link #verifiedGranule}'s answer).
     */
    public static void enable(int columnGranule) {
        if (columnGranule < 1) {
            throw new IllegalArgumentException("column granule must be positive, was " + columnGranule);
        }
        granule = columnGranule;
    }

    /** Computes every product whole again, on the calling thread. */
    public static void disable() {
        granule = 0;
    }

    /** Whether large products are split over two threads. */
    public static boolean isEnabled() {
        return granule > 0;
    }

    /** The column granule in use, 0 when off. */
    public static int columnGranule() {
        return granule;
    }

    /** Sets the smallest product (rows x columns x inner size) that is split; for measurements. */
    public static void setMinMacs(long macs) {
        minMacs = Math.max(1, macs);
    }

    /**
     * The smallest column granule at which split products give exactly the whole products' floats
     * on this machine's BLAS, checked for the three products of a dense layer over {@code shapes}
     * random shapes (batch 1-500, widths 1-784, plus the benchmark MLP's); 0 when none does.
     * Runs the split halves one after the other, on the calling thread.
     */
    public static int verifiedGranule(int shapes) {
        return GranuleCheck.smallest(CANDIDATES, shapes);
    }

    /** The granule at which a product of this size is split, or 0 when it runs whole. */
    static int splitGranule(long rows, long columns, long inner) {
        int g = granule;
        return g > 0 && columns >= 2L * g && rows * columns * inner >= minMacs ? g : 0;
    }

    /** Where a product of {@code columns} result columns is split: the multiple of the granule nearest below half. */
    static long splitAt(long columns, int columnGranule) {
        return columns / 2 / columnGranule * columnGranule;
    }

    /**
     * {@code x.mmuli(w, result)} for a c-order {@code result}, as ND4J computes it (into an f-order
     * temporary it then copies over), with the product split by columns.
     */
    static void forward(INDArray x, INDArray w, INDArray result, int g) {
        forward(x, w, result, g, ProductWorker.get()::both);
    }

    static void forward(INDArray x, INDArray w, INDArray result, int g, Pair pair) {
        INDArray temp = Nd4j.createUninitialized(result.dataType(), result.shape(), 'f');
        long n = w.size(1);
        long h = splitAt(n, g);
        INDArray w1 = cols(w, 0, h);
        INDArray t1 = cols(temp, 0, h);
        INDArray w2 = cols(w, h, n);
        INDArray t2 = cols(temp, h, n);
        pair.both(() -> level3(x, w1, t1), () -> level3(x, w2, t2));
        result.assign(temp);
    }

    /** {@code w.mmuli(deltaT, eps)} for an f-order {@code eps} of default strides, split by columns (examples). */
    static void inputGradient(INDArray w, INDArray delta, INDArray eps, int g) {
        inputGradient(w, delta, eps, g, ProductWorker.get()::both);
    }

    static void inputGradient(INDArray w, INDArray delta, INDArray eps, int g, Pair pair) {
        long n = delta.size(0);
        long h = splitAt(n, g);
        INDArray d1 = rows(delta, 0, h).transpose();
        INDArray e1 = cols(eps, 0, h);
        INDArray d2 = rows(delta, h, n).transpose();
        INDArray e2 = cols(eps, h, n);
        pair.both(() -> level3(w, d1, e1), () -> level3(w, d2, e2));
    }

    /** {@code Nd4j.gemm(x, delta, weightGrad, true, false, 1, 0)} for an f-order {@code weightGrad}, split by columns. */
    static void weightGradient(INDArray x, INDArray delta, INDArray weightGrad, int g) {
        weightGradient(x, delta, weightGrad, g, ProductWorker.get()::both);
    }

    static void weightGradient(INDArray x, INDArray delta, INDArray weightGrad, int g, Pair pair) {
        long n = weightGrad.size(1);
        long h = splitAt(n, g);
        INDArray d1 = cols(delta, 0, h);
        INDArray g1 = cols(weightGrad, 0, h);
        INDArray d2 = cols(delta, h, n);
        INDArray g2 = cols(weightGrad, h, n);
        pair.both(() -> Nd4j.gemm(x, d1, g1, true, false, 1.0, 0.0),
                () -> Nd4j.gemm(x, d2, g2, true, false, 1.0, 0.0));
    }

    /** Runs two halves of a product: on two threads ({@link ProductWorker}), or one after the other. */
    @FunctionalInterface
    interface Pair {
        void both(Runnable first, Runnable second);
    }

    /** The BLAS call {@code a.mmuli(b, c)} makes for an f-order {@code c}. */
    private static void level3(INDArray a, INDArray b, INDArray c) {
        Nd4j.getBlasWrapper().level3().gemm(a.ordering(), BlasBufferUtil.getCharForTranspose(b),
                BlasBufferUtil.getCharForTranspose(c), 1.0, a, b, 0.0, c);
    }

    private static INDArray cols(INDArray a, long from, long to) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }

    private static INDArray rows(INDArray a, long from, long to) {
        return a.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }
}
