package io.trainscope.cli.env;

import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Sets the BLAS library's threads inside this JVM, at start-up, from the calibrated settings.
 * ND4J sets OpenBLAS's thread count to {@code OMP_NUM_THREADS} when its backend loads (overriding
 * {@code OPENBLAS_NUM_THREADS}), so a BLAS count different from the OpenMP count can only be applied
 * afterwards, with {@code Nd4j.factory().blas().setMaxThreads}. The launcher exports
 * {@value #VARIABLE} from the cached calibration (or the user's own {@value #USER_VARIABLE}, which
 * wins) for the commands that load ND4J; {@code TrainscopeCli.main} calls {@link #apply} before any
 * command runs, which loads ND4J only when the variable is set.
 */
public final class BlasThreads {

    /** The variable the launcher exports with the calibrated BLAS thread count. */
    public static final String VARIABLE = "TRAINSCOPE_BLAS_THREADS";
    /** OpenBLAS's own variable: when the user sets it, the launcher passes that count on instead. */
    public static final String USER_VARIABLE = "OPENBLAS_NUM_THREADS";

    private static final Logger log = LoggerFactory.getLogger(BlasThreads.class);

    private BlasThreads() {
    }

    /**
     * Applies the BLAS thread count the environment asks for, if any (loading ND4J only then);
     * returns it, or 0 when none was asked for or it was not a positive number (a warning says so).
     */
    public static int apply(Map<String, String> environment) {
        int threads = requested(environment);
        if (threads > 0) {
            Nd4j.factory().blas().setMaxThreads(threads);
        }
        return threads;
    }

    /** The count {@value #VARIABLE} asks for; 0 for none. */
    static int requested(Map<String, String> environment) {
        String name = VARIABLE;
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        log.warn("{}='{}' is not a positive thread count; leaving ND4J's BLAS threads (set a number such as 2, "
                + "or unset it)", name, value);
        return 0;
    }
}
