package io.trainscope.cli.bench;

import io.trainscope.cli.env.CpuInfo;
import io.trainscope.cli.env.NativeCalibration;
import io.trainscope.core.run.Environment;
import org.nd4j.linalg.factory.Nd4j;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine and native settings a bench ran with, as printed in its header and recorded first in
 * its JSON figures.
 *
 * @param cpu              the CPU, described
 * @param ompNumThreads    OMP_NUM_THREADS, or "unset"
 * @param blasThreads      ND4J's BLAS threads
 * @param openblasCoretype OPENBLAS_CORETYPE, or "unset"
 * @param nativeSource     where the native settings come from
 * @param date             when the bench started
 */
public record BenchEnvironment(String cpu, String ompNumThreads, int blasThreads, String openblasCoretype,
                               String nativeSource, Instant date) {

    /** The settings in effect in this JVM (loads ND4J). */
    public static BenchEnvironment current() {
        Map<String, String> env = System.getenv();
        return new BenchEnvironment(CpuInfo.read().describe(), env.getOrDefault("OMP_NUM_THREADS", "unset"),
                Nd4j.factory().blas().getMaxThreads(), env.getOrDefault("OPENBLAS_CORETYPE", "unset"),
                nativeSource(env), Instant.now());
    }

    /** A new, modifiable map of the JSON figures, holding these settings. */
    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cpu", cpu);
        figures.put("omp_num_threads", ompNumThreads);
        figures.put("blas_threads", blasThreads);
        figures.put("openblas_coretype", openblasCoretype);
        figures.put("native_settings_source", nativeSource);
        figures.put("javacpp_physical_memory_check", Environment.physicalMemoryCheck());
        figures.put("date", date.toString());
        return figures;
    }

    /** Where each native setting in effect comes from: the launcher's line, or the cached calibration's without it. */
    static String nativeSource(Map<String, String> env) {
        String launcher = env.get("TRAINSCOPE_NATIVE_SOURCE");
        if (launcher != null) {
            return launcher;
        }
        return NativeCalibration.cached().map(s -> s.source(env) + " [not started by the launcher]")
                .orElse("not started by the launcher, and no calibration cached: your environment and ND4J's defaults");
    }
}
