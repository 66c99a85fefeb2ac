package io.trainscope.cli.env;

import io.trainscope.core.run.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses and verifies the native settings for this machine, once, and caches them.
 *
 * <ul>
 *   <li>Threads, on any number of cores: ND4J's OpenMP threads and the BLAS threads are chosen by
 *       {@link ThreadChoice} from a training step of a reference network ({@link StepProbe}) in a
 *       child JVM per candidate, verified against the one-thread result (GEMMs gain from more
 *       threads where ND4J's element-wise ops can collapse, so a GEMM alone cannot decide). When
 *       even the one-thread probe fails, the defaults stay: {@code OMP_NUM_THREADS=1} on 2 cores or
 *       fewer (ND4J's OpenMP threads and OpenBLAS's otherwise fight over them), ND4J's own above.</li>
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
        return calibrate(cpu, NativeCalibration::probe, ThreadCalibration::childProber,
                TwoCoreCalibration::childProber);
    }

    /** Measures the GEMM with the given thread count ("" for unset) and core type (null for OpenBLAS's own choice). */
    @FunctionalInterface
    interface Prober {
        Probe probe(String ompThreads, String coreType);
    }

    /**
     * The calibration logic with a given way of probing the GEMM, the training step and the two-core
     * products (tests pass fakes).
     */
    static NativeSettings calibrate(CpuInfo cpu, Prober prober, Function<String, ThreadChoice.StepProber> stepProber,
                                    Function<String, TwoCoreCalibration.Prober> twoCoreProber) {
        NativeSettings s = calibrate(cpu, prober, stepProber);
        ThreadSetting threads = s.ompThreads() == null || s.blasThreads() == null ? null
                : new ThreadSetting(Integer.parseInt(s.ompThreads()), Integer.parseInt(s.blasThreads()));
        TwoCoreCalibration.Decision d = TwoCoreCalibration.choose(cpu.cores(), threads,
                twoCoreProber.apply(s.openblasCoreType()));
        return s.withTwoCore(d.granule(), d.reason());
    }

    /** The calibration of threads and core type with given probes; two-core products not probed (off). */
    static NativeSettings calibrate(CpuInfo cpu, Prober prober, Function<String, ThreadChoice.StepProber> stepProber) {
        CoreChoice core = chooseCore(cpu, prober);
        ThreadChoice.Decision threads = ThreadChoice.choose(cpu.cores(), stepProber.apply(core.coreType()));
        String now = Instant.now().toString();
        if (threads.chosen().isPresent()) {
            ThreadSetting t = threads.chosen().get();
            return new NativeSettings(cpu.signature(), Integer.toString(t.omp()), Integer.toString(t.blas()),
                    threads.reason(), core.coreType(), core.reason(), core.detected(), core.defaultGflops(),
                    core.chosenGflops(), now, null, "not probed");
        }
        log.warn("could not measure thread settings ({}); keeping the defaults", threads.reason());
        return new NativeSettings(cpu.signature(), defaultOmpThreads(cpu), null,
                defaultThreadsReason(cpu) + "; " + threads.reason(), core.coreType(), core.reason(), core.detected(),
                core.defaultGflops(), core.chosenGflops(), now, null, "not probed");
    }

    /** Today's thread default when no probe can be measured: one OpenMP thread on 2 cores or fewer, else ND4J's. */
    private static String defaultOmpThreads(CpuInfo cpu) {
        return cpu.cores() <= 2 ? "1" : null;
    }

    private static String defaultThreadsReason(CpuInfo cpu) {
        return cpu.cores() <= 2 ? cpu.cores() + " cores: one OpenMP thread avoids ND4J and OpenBLAS competing for them"
                : cpu.cores() + " cores: ND4J's defaults";
    }

    /** The OpenBLAS core type chosen, why, and the GEMM speeds behind it. */
    private record CoreChoice(String coreType, String reason, String detected, double defaultGflops, double chosenGflops) {
    }

    private static CoreChoice chooseCore(CpuInfo cpu, Prober prober) {
        String ompForProbe = cpu.cores() <= 2 ? "1" : "";
        Probe byItself = prober.probe(ompForProbe, null);
        String candidate = candidate(cpu);
        if (candidate == null) {
            return new CoreChoice(null, "no faster OpenBLAS kernel family for this CPU's features", byItself.core,
                    byItself.gflops, byItself.gflops);
        }
        if (candidate.equalsIgnoreCase(byItself.core)) {
            return new CoreChoice(null, "OpenBLAS detects this CPU correctly as " + byItself.core, byItself.core,
                    byItself.gflops, byItself.gflops);
        }
        Probe forced = prober.probe(ompForProbe, candidate);
        if (!forced.correct()) {
            log.warn("OPENBLAS_CORETYPE={} computed a wrong GEMM on this CPU (relative error {}); keeping OpenBLAS's "
                    + "own choice {}", candidate, forced.error, byItself.core);
            return new CoreChoice(null, candidate + " failed the GEMM check (error "
                    + String.format(Locale.ROOT, "%.1e", forced.error) + ")", byItself.core, byItself.gflops, byItself.gflops);
        }
        if (!(forced.gflops >= 1.1 * byItself.gflops)) {
            return new CoreChoice(null, String.format(Locale.ROOT, "%s was not faster (%.1f vs %.1f GFLOP/s with "
                    + "OpenBLAS's %s)", candidate, forced.gflops, byItself.gflops, byItself.core), byItself.core,
                    byItself.gflops, byItself.gflops);
        }
        return new CoreChoice(candidate, String.format(Locale.ROOT, "OpenBLAS 0.3.19 detects this CPU as %s; %s kernels "
                + "are verified correct and run the GEMM at %.1f instead of %.1f GFLOP/s", byItself.core, candidate,
                forced.gflops, byItself.gflops), byItself.core, byItself.gflops, forced.gflops);
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
        Map<String, String> env = new HashMap<>();
        env.put("OPENBLAS_VERBOSE", "2");
        if (!ompThreads.isEmpty()) {
            env.put("OMP_NUM_THREADS", ompThreads);
        }
        env.put("OPENBLAS_CORETYPE", coreType);
        ChildJvm.Output out = ChildJvm.run(GemmProbe.class, List.of(), env, 120);
        if (out.failure() != null) {
            log.warn("the GEMM probe ({}) failed: {}", coreType == null ? "default" : coreType, out.failure());
            return new Probe("unknown", Double.NaN, Double.NaN);
        }
        Matcher core = CORE.matcher(out.stderr() + out.stdout());
        Matcher result = RESULT.matcher(out.stdout());
        String coreName = core.find() ? core.group(1) : "unknown";
        if (!result.find()) {
            log.warn("the GEMM probe ({}) printed no result; exit {}: {}", coreType == null ? "default" : coreType,
                    out.exit(), out.stderr().lines().limit(5).toList());
            return new Probe(coreName, Double.NaN, Double.NaN);
        }
        return new Probe(coreName, Double.parseDouble(result.group(1)), Double.parseDouble(result.group(2)));
    }
}
