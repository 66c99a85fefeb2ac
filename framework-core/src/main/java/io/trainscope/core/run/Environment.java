package io.trainscope.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What a run records about the machine and settings it ran with, for comparing figures across runs. */
public final class Environment {

    private Environment() {
    }

    /** CPU model, cores, Java, thread settings (with where they came from) and the ND4J backend. */
    public static Map<String, Object> describe() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("cpu", cpuModel().orElse("unknown"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("java", System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("OMP_NUM_THREADS", envOr("OMP_NUM_THREADS", "unset"));
        env.put("OPENBLAS_CORETYPE", envOr("OPENBLAS_CORETYPE", "unset"));
        env.put("native_settings_source", envOr("TRAINSCOPE_NATIVE_SOURCE", "environment"));
        env.put("nd4j_backend", "nd4j-native (CPU)");
        return env;
    }

    /** The resident set size of this process in MiB, from {@code /proc/self/status}; NaN where unavailable. */
    public static double residentMemoryMiB() {
        try {
            Path status = Path.of("/proc/self/status");
            if (!Files.isReadable(status)) {
                return Double.NaN;
            }
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return Long.parseLong(kb) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** The CPU model from {@code /proc/cpuinfo}, where there is one. */
    public static Optional<String> cpuModel() {
        try {
            Path info = Path.of("/proc/cpuinfo");
            if (!Files.isReadable(info)) {
                return Optional.empty();
            }
            return Files.readAllLines(info).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
