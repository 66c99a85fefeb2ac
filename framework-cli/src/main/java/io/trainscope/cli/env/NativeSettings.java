package io.trainscope.cli.env;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The native settings trainscope chooses for this machine, and why: the OpenMP thread count, the
 * BLAS thread count and the OpenBLAS core type. OpenMP threads and core type must be in the
 * environment before ND4J's native library loads, so the launcher exports them (a value already in
 * the user's environment always wins); embedding applications set them themselves
 * ({@code trainscope env --export} prints them). The BLAS threads cannot be set that way (ND4J
 * sets OpenBLAS's to {@code OMP_NUM_THREADS} when it loads): the launcher exports
 * {@code TRAINSCOPE_BLAS_THREADS} and {@link BlasThreads#apply} sets them at start-up.
 *
 * @param cpuSignature       the CPU these settings were calibrated on
 * @param ompThreads         the {@code OMP_NUM_THREADS} to use, or null to leave ND4J's default
 * @param blasThreads        the BLAS threads to set, or null to leave ND4J's (its OpenMP thread count)
 * @param ompReason          why these thread counts
 * @param openblasCoreType   the {@code OPENBLAS_CORETYPE} to force, or null to let OpenBLAS detect the core
 * @param coreTypeReason     why
 * @param detectedCore       the core OpenBLAS detects by itself ("unknown" if it did not say)
 * @param defaultGflops      GEMM GFLOP/s with OpenBLAS's own detection (NaN if not measured)
 * @param chosenGflops       GEMM GFLOP/s with the chosen core type (NaN if not measured)
 * @param calibrated         when the calibration ran
 * @param twoCoreGranule     the column granule of {@code TwoCoreProducts} when splitting large products
 *                           over two threads was verified and faster, else null (off)
 * @param twoCoreReason      why
 */
public record NativeSettings(String cpuSignature, String ompThreads, String blasThreads, String ompReason,
                             String openblasCoreType, String coreTypeReason, String detectedCore,
                             double defaultGflops, double chosenGflops, String calibrated,
                             String twoCoreGranule, String twoCoreReason) {

    /**
     * The version of the calibration; a cache written by another one is calibrated again. A cache
     * written before two-core products existed has no decision about them: they stay off there
     * until {@code trainscope env --recalibrate}.
     */
    static final String CALIBRATION = "2";
    /** The variable that turns two-core products on in the JVM ({@code TwoCoreProducts.VARIABLE}). */
    public static final String TWO_CORE_VARIABLE = "TRAINSCOPE_TWO_CORE_PRODUCTS";

    /** The same settings with two-core products decided. */
    NativeSettings withTwoCore(String granule, String reason) {
        return new NativeSettings(cpuSignature, ompThreads, blasThreads, ompReason, openblasCoreType, coreTypeReason,
                detectedCore, defaultGflops, chosenGflops, calibrated, granule, reason);
    }

    /** Whether the calibrated thread choice applies: the user set none of the thread variables. */
    private static boolean ownThreads(Map<String, String> userEnvironment) {
        return userEnvironment.containsKey("OMP_NUM_THREADS") || userEnvironment.containsKey(BlasThreads.USER_VARIABLE);
    }

    /** The settings as the environment variables they become, for variables not already set by the user. */
    public Map<String, String> exports(Map<String, String> userEnvironment) {
        Map<String, String> out = new LinkedHashMap<>();
        if (ompThreads != null && !userEnvironment.containsKey("OMP_NUM_THREADS")) {
            out.put("OMP_NUM_THREADS", ompThreads);
        }
        if (userEnvironment.containsKey(BlasThreads.USER_VARIABLE)) {
            out.put(BlasThreads.VARIABLE, userEnvironment.get(BlasThreads.USER_VARIABLE));
        } else if (blasThreads != null && !userEnvironment.containsKey("OMP_NUM_THREADS")) {
            out.put(BlasThreads.VARIABLE, blasThreads);
        }
        if (openblasCoreType != null && !userEnvironment.containsKey("OPENBLAS_CORETYPE")) {
            out.put("OPENBLAS_CORETYPE", openblasCoreType);
        }
        if (twoCoreGranule != null && !userEnvironment.containsKey(TWO_CORE_VARIABLE) && !ownThreads(userEnvironment)) {
            out.put(TWO_CORE_VARIABLE, twoCoreGranule);
        }
        out.put("TRAINSCOPE_NATIVE_SOURCE", source(userEnvironment));
        return out;
    }

    /** One line saying where each setting in effect comes from, recorded in every run's metadata. */
    public String source(Map<String, String> userEnvironment) {
        String omp = userEnvironment.containsKey("OMP_NUM_THREADS")
                ? "OMP_NUM_THREADS=" + userEnvironment.get("OMP_NUM_THREADS") + who(userEnvironment.get("OMP_NUM_THREADS"),
                        ompThreads, ompReason)
                : ompThreads == null ? "OMP_NUM_THREADS unset (" + ompReason + ")"
                : "OMP_NUM_THREADS=" + ompThreads + (blasThreads == null || userEnvironment.containsKey(
                        BlasThreads.USER_VARIABLE) ? "" : ", BLAS threads=" + blasThreads) + " (trainscope: " + ompReason + ")";
        if (userEnvironment.containsKey(BlasThreads.USER_VARIABLE)) {
            omp += ", BLAS threads=" + userEnvironment.get(BlasThreads.USER_VARIABLE) + " (your "
                    + BlasThreads.USER_VARIABLE + ")";
        }
        String core = userEnvironment.containsKey("OPENBLAS_CORETYPE")
                ? "OPENBLAS_CORETYPE=" + userEnvironment.get("OPENBLAS_CORETYPE") + who(userEnvironment.get("OPENBLAS_CORETYPE"),
                        openblasCoreType, coreTypeReason)
                : openblasCoreType == null ? "OPENBLAS_CORETYPE unset (" + coreTypeReason + ")"
                : "OPENBLAS_CORETYPE=" + openblasCoreType + " (trainscope: " + coreTypeReason + ")";
        return omp + "; " + core + "; " + twoCore(userEnvironment);
    }

    /** Where the two-core products setting in effect comes from. */
    private String twoCore(Map<String, String> userEnvironment) {
        if (userEnvironment.containsKey(TWO_CORE_VARIABLE)) {
            String v = userEnvironment.get(TWO_CORE_VARIABLE);
            return "two-core products " + TWO_CORE_VARIABLE + "=" + v + who(v, twoCoreGranule, twoCoreReason);
        }
        if (twoCoreGranule != null && ownThreads(userEnvironment)) {
            return "two-core products off (your thread settings; trainscope's calibration: " + twoCoreReason + ")";
        }
        return "two-core products " + (twoCoreGranule == null ? "off" : "on, column granule " + twoCoreGranule)
                + " (trainscope: " + twoCoreReason + ")";
    }

    /**
     * Who set a variable found in the environment: the user, or trainscope when it holds the value
     * the calibration chose (exported by a launcher that started this one, such as the bench's
     * start-up runs, or by {@code eval "$(trainscope env --export)"}).
     */
    private static String who(String inEnvironment, String chosen, String reason) {
        return inEnvironment.equals(chosen) ? " (in your environment, as trainscope's calibration chose: " + reason + ")"
                : " (your environment)";
    }

    /** Reads cached settings, or null when the file is missing or unreadable. */
    static NativeSettings read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            if (!CALIBRATION.equals(p.getProperty("calibration"))) {
                return null;
            }
            return new NativeSettings(p.getProperty("cpu"), emptyToNull(p.getProperty("omp_threads")),
                    emptyToNull(p.getProperty("blas_threads")),
                    p.getProperty("omp_reason", ""), emptyToNull(p.getProperty("openblas_coretype")),
                    p.getProperty("coretype_reason", ""), p.getProperty("detected_core", "unknown"),
                    Double.parseDouble(p.getProperty("default_gflops", "NaN")),
                    Double.parseDouble(p.getProperty("chosen_gflops", "NaN")), p.getProperty("calibrated", ""),
                    emptyToNull(p.getProperty("two_core_granule")), p.getProperty("two_core_reason",
                            "not probed by this cache's calibration (trainscope env --recalibrate probes it)"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes the settings to the cache file. */
    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Properties p = new Properties();
        p.setProperty("cpu", cpuSignature);
        p.setProperty("calibration", CALIBRATION);
        p.setProperty("omp_threads", ompThreads == null ? "" : ompThreads);
        p.setProperty("blas_threads", blasThreads == null ? "" : blasThreads);
        p.setProperty("omp_reason", ompReason);
        p.setProperty("openblas_coretype", openblasCoreType == null ? "" : openblasCoreType);
        p.setProperty("coretype_reason", coreTypeReason);
        p.setProperty("detected_core", detectedCore);
        p.setProperty("default_gflops", Double.toString(defaultGflops));
        p.setProperty("chosen_gflops", Double.toString(chosenGflops));
        p.setProperty("calibrated", calibrated == null ? Instant.now().toString() : calibrated);
        p.setProperty("two_core_granule", twoCoreGranule == null ? "" : twoCoreGranule);
        p.setProperty("two_core_reason", twoCoreReason == null ? "" : twoCoreReason);
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "trainscope native settings for this machine; delete to recalibrate");
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
