package io.trainscope.cli.env;

import io.trainscope.core.run.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses and verifies the native settings for this machine, once, and caches them.
 *
 * <ul>
 *   <li>Threads: on 2 cores or fewer, {@code OMP_NUM_THREADS=1} (ND4J's OpenMP threads and
 *       OpenBLAS's otherwise fight over the cores: training is 2-2.5x slower and noisier). On more
 *       cores ND4J's defaults are left alone; they were not calibrated there.</li>
 *   <li>OpenBLAS core type: the kernel family the CPU's features allow (SkylakeX with AVX-512,
 *       Haswell or Zen with AVX2) is compared with what the bundled OpenBLAS 0.3.19 detects by
 *       itself (it does not know newer CPUs and falls back to slow generic kernels). When they
 *       differ, a GEMM runs in a child process with each setting; the forced type is kept only if
 *       its result matches a reference computed in Java and it is at least 10% faster, otherwise
 *       OpenBLAS's own choice stays and a warning says why.</li>
 * </ul>
 */
public final class NativeCalibration {

    private static final Logger log = LoggerFactory.getLogger(NativeCalibration.class);
    private static final Pattern CORE = Pattern.compile("Core:\\s*(\\S+)");
    private static final Pattern RESULT = Pattern.compile("gflops=([0-9.eE+-]+|NaN) maxRelError=([0-9.eE+-]+|NaN)");

    private NativeCalibration() {
    }

    /** The cache file: {@code $TRAINSCOPE_CACHE} or {@code ~/.cache/trainscope}, then {@code native-settings.properties}. */
    public static Path cacheFile() {
        String dir = System.getenv("TRAINSCOPE_CACHE");
        Path base = dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".cache", "trainscope");
        return base.resolve("native-settings.properties");
    }

    /** The cached settings, if they were calibrated on this CPU. */
    public static Optional<NativeSettings> cached() {
        NativeSettings cached = NativeSettings.read(cacheFile());
        return cached != null && CpuInfo.read().signature().equals(cached.cpuSignature())
                ? Optional.of(cached) : Optional.empty();
    }

    /** The cached settings if they were calibrated on this CPU, else a fresh calibration (cached). */
    public static NativeSettings forThisMachine(boolean recalibrate) {
        if (!recalibrate) {
            var cached = cached();
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        CpuInfo cpu = CpuInfo.read();
        Path cache = cacheFile();
        NativeSettings settings = calibrate(cpu);
        try {
            AtomicFiles.write(cache, settings::write);
        } catch (IOException e) {
            log.warn("could not cache native settings in {}: {}", cache, e.getMessage());
        }
        return settings;
    }

    /** Runs the calibration with child processes, without caching. */
    public static NativeSettings calibrate(CpuInfo cpu) {
        return calibrate(cpu, NativeCalibration::probe);
    }

    /** Measures the GEMM with the given thread count ("" for unset) and core type (null for OpenBLAS's own choice). */
    @FunctionalInterface
    interface Prober {
        Probe probe(String ompThreads, String coreType);
    }

    /** The calibration logic with a given way of probing (tests pass a fake). */
    static NativeSettings calibrate(CpuInfo cpu, Prober prober) {
        String threads = cpu.cores() <= 2 ? "1" : null;
        String threadsReason = cpu.cores() <= 2 ? cpu.cores() + " cores: one OpenMP thread avoids ND4J and OpenBLAS "
                + "competing for them" : cpu.cores() + " cores: ND4J's defaults (not calibrated above 2 cores)";
        String ompForProbe = threads == null ? "" : threads;
        Probe byItself = prober.probe(ompForProbe, null);
        String candidate = candidate(cpu);
        String now = Instant.now().toString();
        if (candidate == null) {
            return new NativeSettings(cpu.signature(), threads, threadsReason, null,
                    "no faster OpenBLAS kernel family for this CPU's features", byItself.core, byItself.gflops, byItself.gflops, now);
        }
        if (candidate.equalsIgnoreCase(byItself.core)) {
            return new NativeSettings(cpu.signature(), threads, threadsReason, null,
                    "OpenBLAS detects this CPU correctly as " + byItself.core, byItself.core, byItself.gflops,
                    byItself.gflops, now);
        }
        Probe forced = prober.probe(ompForProbe, candidate);
        if (!forced.correct()) {
            log.warn("OPENBLAS_CORETYPE={} computed a wrong GEMM on this CPU (relative error {}); keeping OpenBLAS's "
                    + "own choice {}", candidate, forced.error, byItself.core);
            return new NativeSettings(cpu.signature(), threads, threadsReason, null, candidate
                    + " failed the GEMM check (error " + String.format(Locale.ROOT, "%.1e", forced.error) + ")",
                    byItself.core, byItself.gflops, byItself.gflops, now);
        }
        if (!(forced.gflops >= 1.1 * byItself.gflops)) {
            return new NativeSettings(cpu.signature(), threads, threadsReason, null, String.format(Locale.ROOT,
                    "%s was not faster (%.1f vs %.1f GFLOP/s with OpenBLAS's %s)", candidate, forced.gflops,
                    byItself.gflops, byItself.core), byItself.core, byItself.gflops, byItself.gflops, now);
        }
        return new NativeSettings(cpu.signature(), threads, threadsReason, candidate, String.format(Locale.ROOT,
                "OpenBLAS 0.3.19 detects this CPU as %s; %s kernels are verified correct and run the GEMM at %.1f "
                        + "instead of %.1f GFLOP/s", byItself.core, candidate, forced.gflops, byItself.gflops),
                byItself.core, byItself.gflops, forced.gflops, now);
    }

    /** The OpenBLAS kernel family this CPU's features allow, or null. */
    static String candidate(CpuInfo cpu) {
        boolean intel = cpu.vendor().equals("GenuineIntel");
        boolean amd = cpu.vendor().equals("AuthenticAMD");
        if (intel && cpu.avx512()) {
            return "SkylakeX";
        }
        if (intel && cpu.avx2()) {
            return "Haswell";
        }
        if (amd && cpu.avx2()) {
            return "Zen";
        }
        return null;
    }

    /** One probe's outcome: the core OpenBLAS reported, GEMM speed and relative error. */
    record Probe(String core, double gflops, double error) {
        boolean correct() {
            return error < 1e-3;
        }
    }

    /** Runs {@link GemmProbe} in a child JVM with the given settings. */
    private static Probe probe(String ompThreads, String coreType) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GemmProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("OPENBLAS_VERBOSE", "2");
        if (!ompThreads.isEmpty()) {
            env.put("OMP_NUM_THREADS", ompThreads);
        }
        if (coreType == null) {
            env.remove("OPENBLAS_CORETYPE");
        } else {
            env.put("OPENBLAS_CORETYPE", coreType);
        }
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Probe("unknown", Double.NaN, Double.NaN);
            }
            String stdout = new String(out, StandardCharsets.UTF_8);
            String stderr = new String(err, StandardCharsets.UTF_8);
            Matcher core = CORE.matcher(stderr + stdout);
            Matcher result = RESULT.matcher(stdout);
            if (!result.find()) {
                log.warn("the GEMM probe ({}) printed no result; exit {}: {}", coreType == null ? "default" : coreType,
                        p.exitValue(), stderr.lines().limit(5).toList());
                return new Probe(core.find() ? core.group(1) : "unknown", Double.NaN, Double.NaN);
            }
            return new Probe(core.find() ? core.group(1) : "unknown", Double.parseDouble(result.group(1)),
                    Double.parseDouble(result.group(2)));
        } catch (IOException e) {
            log.warn("could not start the GEMM probe: {}", e.getMessage());
            return new Probe("unknown", Double.NaN, Double.NaN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe("unknown", Double.NaN, Double.NaN);
        }
    }
}
