package io.trainscope.core.testplugins;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Test initializer with hand-checkable weights: {@link #weight(int, int, long)}; biases 0. */
public final class FormulaInitializer implements Initializer {

    /** The weight from input {@code i} to unit {@code j} of a layer with {@code fanOut} units. */
    public static double weight(int i, int j, long fanOut) {
        return 0.1 * (i + 1) - 0.07 * (j + 1) + 0.05 * fanOut;
    }

    @Override
    public String name() {
        return "test-formula";
    }

    @Override
    public String description() {
        return "test only: w[i][j] = 0.1(i+1) - 0.07(j+1) + 0.05 fanOut";
    }

    @Override
    public void fill(INDArray weights, Fan fan, Parameters params, WeightRandom random) {
        for (int i = 0; i < fan.in(); i++) {
            for (int j = 0; j < fan.out(); j++) {
                weights.putScalar(i, j, weight(i, j, fan.out()));
            }
        }
    }
}
