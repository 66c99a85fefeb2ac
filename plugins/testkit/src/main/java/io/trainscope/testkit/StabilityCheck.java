package io.trainscope.testkit;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Runs an activation's {@code apply}, {@code derivative} and {@code backprop} in float32 and
 * float64 over a grid and reports non-finite results and float32 results far from float64 ones;
 * the rules are documented on {@link ActivationChecks#instabilities(Activation, Parameters, double[])}.
 */
final class StabilityCheck {

    /** float32 may differ from float64 by this much, plus {@link #RELATIVE} of the value. */
    static final double ABSOLUTE = 1e-4;
    static final double RELATIVE = 1e-4;

    private final Activation f;
    private final Parameters params;
    private final double[] z;

    StabilityCheck(Activation f, Parameters params, double[] z) {
        this.f = f;
        this.params = params;
        this.z = z.clone();
    }

    List<String> instabilities() {
        double[] gradOut = DerivativeCheck.gradOut(z.length);
        List<String> found = new ArrayList<>();
        check("apply", x -> f.apply(x, params), found);
        check("derivative", x -> f.derivative(x, params), found);
        check("backprop", x -> f.backprop(x, DerivativeCheck.array(gradOut).castTo(x.dataType()), params), found);
        return List.copyOf(found);
    }

    private void check(String method, UnaryOperator<INDArray> op, List<String> found) {
        double[] wide = run(op, DataType.DOUBLE);
        double[] narrow = run(op, DataType.FLOAT);
        int before = found.size();
        for (int i = 0; i < z.length && found.size() - before < 5; i++) {
            String problem = problem(wide[i], narrow[i]);
            if (problem != null) {
                found.add(String.format(Locale.ROOT, "%s: %s at z = %s is %s", who(), method, DerivativeCheck.fmt(z[i]),
                        problem));
            }
        }
    }

    /** What is wrong with one point's results, or null. */
    private static String problem(double wide, double narrow) {
        if (!Double.isFinite(wide)) {
            return wide + " in float64";
        }
        if (!Double.isFinite(narrow)) {
            return narrow + " in float32 (float64 gives " + DerivativeCheck.fmt(wide) + ")";
        }
        if (Math.abs(narrow - wide) > ABSOLUTE + RELATIVE * Math.abs(wide)) {
            return DerivativeCheck.fmt(narrow) + " in float32 but " + DerivativeCheck.fmt(wide) + " in float64";
        }
        return null;
    }

    private double[] run(UnaryOperator<INDArray> op, DataType type) {
        INDArray result = op.apply(DerivativeCheck.array(z).castTo(type));
        if (result == null || result.length() != z.length || result.dataType() != type) {
            throw new AssertionError(who() + ": returned " + (result == null ? "null" : result.dataType() + " "
                    + Arrays.toString(result.shape())) + " for " + z.length + " " + type + " inputs");
        }
        return result.reshape(-1).toDoubleVector();
    }

    private String who() {
        return "'" + f.name() + "' (" + f.getClass().getName() + ")";
    }
}
