package io.trainscope.cli.env;

import io.trainscope.core.model.TwoCoreProducts;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Arrays;
import java.util.Locale;

/**
 * Measures whether splitting large products over two threads ({@link TwoCoreProducts}) pays on this
 * machine, under the thread settings of its process (the calibrated ones). First the column granule
 * that keeps every bit ({@link TwoCoreProducts#verifiedGranule}); then the {@link ReferenceNetwork}
 * with trainscope's dense layers, trained twice from the same start on the same
 * data, one step without and one with split products in turn, so both see the same machine. Prints
 * {@code granule=<g> off=<samples/s> on=<samples/s> identical=<same bits after training>}.
 */
public final class TwoCoreProbe {

    private static final int WARMUP = 3;

    private TwoCoreProbe() {
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int granule = TwoCoreProducts.verifiedGranule(40);
        if (granule == 0) {
            System.out.println("granule=0 off=NaN on=NaN identical=false");
            return;
        }
        DataSet data = ReferenceNetwork.batch();
        MultiLayerNetwork whole = ReferenceNetwork.build(true);
        MultiLayerNetwork split = ReferenceNetwork.build(true);
        double[] off = new double[reps];
        double[] on = new double[reps];
        for (int i = -WARMUP; i < reps; i++) {
            boolean splitFirst = (i & 1) == 1;
            double a = step(splitFirst ? split : whole, splitFirst ? granule : 0, data);
            double b = step(splitFirst ? whole : split, splitFirst ? 0 : granule, data);
            if (i >= 0) {
                on[i] = splitFirst ? a : b;
                off[i] = splitFirst ? b : a;
            }
        }
        TwoCoreProducts.disable();
        boolean identical = Arrays.equals(whole.params().data().asFloat(), split.params().data().asFloat());
        System.out.printf(Locale.ROOT, "granule=%d off=%.3f on=%.3f identical=%b%n", granule, median(off), median(on),
                identical);
    }

    /** One training step with products split at {@code granule} (0: whole); samples/s. */
    private static double step(MultiLayerNetwork net, int granule, DataSet data) {
        if (granule > 0) {
            TwoCoreProducts.enable(granule);
        } else {
            TwoCoreProducts.disable();
        }
        long t0 = System.nanoTime();
        net.fit(data);
        return ReferenceNetwork.BATCH / ((System.nanoTime() - t0) / 1e9);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
