package io.trainscope.core.run;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
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
        env.put("two_core_products", io.trainscope.core.model.TwoCoreProducts.isEnabled()
                ? "on, column granule " + io.trainscope.core.model.TwoCoreProducts.columnGranule() : "off");
        env.put("native_settings_source", envOr("TRAINSCOPE_NATIVE_SOURCE", "environment"));
        env.put("javacpp_physical_memory_check", physicalMemoryCheck());
        env.put("nd4j_backend", "nd4j-native (CPU)");
        return env;
    }

    /**
     * Whether javacpp reads the process's resident memory at every native allocation it tracks
     * ({@code org.bytedeco.javacpp.maxPhysicalBytes}; a system call and a process-wide lock each
     * time, some 340 per training step of the benchmark MLP). The launcher turns it off; javacpp's
     * limit on the bytes it tracks ({@code maxBytes}) still triggers a garbage collection.
     */
    public static String physicalMemoryCheck() {
        return physicalMemoryCheck(Pointer.maxPhysicalBytes());
    }

    static String physicalMemoryCheck(long limit) {
        return limit <= 0 ? "off (org.bytedeco.javacpp.maxPhysicalBytes=0)"
                : String.format(Locale.ROOT, "on, limit %.0f MiB (read at every native allocation)",
                limit / (1024.0 * 1024.0));
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

    /**
     * ND4J's native memory in MiB: the bytes of every array buffer allocated outside a workspace
     * that has not been freed yet (by {@code close()} or by the garbage collector; libnd4j's own
     * counter), plus the workspaces of the calling thread. Exact where the resident set size is
     * blurred by the Java heap and the allocator, and unlike javacpp's {@code Pointer.totalBytes()},
     * which does not see ND4J's buffers.
     */
    public static double nativeMemoryMiB() {
        long bytes = Nd4j.getEnvironment().getDeviceCouner(0);
        for (MemoryWorkspace w : Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread()) {
            bytes += w.getCurrentSize();
        }
        return bytes / (1024.0 * 1024.0);
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
