package io.trainscope.cli.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code /proc/cpuinfo} says about this machine's CPU: vendor, family, model, model name and
 * instruction-set flags, plus the processors the JVM may use.
 *
 * @param vendor    {@code GenuineIntel}, {@code AuthenticAMD}, ... ("unknown" off Linux)
 * @param family    CPU family number (-1 if unknown)
 * @param model     CPU model number (-1 if unknown)
 * @param modelName the marketing name
 * @param flags     instruction-set flags ({@code avx2}, {@code avx512f}, ...)
 * @param cores     processors available to the JVM
 */
public record CpuInfo(String vendor, int family, int model, String modelName, Set<String> flags, int cores) {

    /** Reads this machine's CPU. */
    public static CpuInfo read() {
        try {
            Path info = Path.of("/proc/cpuinfo");
            if (Files.isReadable(info)) {
                return parse(Files.readAllLines(info), Runtime.getRuntime().availableProcessors());
            }
        } catch (IOException e) {
            // fall through to unknown
        }
        return new CpuInfo("unknown", -1, -1, System.getProperty("os.arch"), Set.of(),
                Runtime.getRuntime().availableProcessors());
    }

    /** Parses the first processor's block of {@code /proc/cpuinfo}. */
    static CpuInfo parse(List<String> lines, int cores) {
        String vendor = "unknown";
        String name = "unknown";
        int family = -1;
        int model = -1;
        Set<String> flags = new TreeSet<>();
        for (String line : lines) {
            if (line.isBlank() && !flags.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "vendor_id" -> vendor = value;
                case "model name" -> name = value;
                case "cpu family" -> family = parseInt(value);
                case "model" -> model = parseInt(value);
                case "flags" -> flags.addAll(Arrays.asList(value.split("\\s+")));
                default -> { }
            }
        }
        return new CpuInfo(vendor, family, model, name, Set.copyOf(flags), cores);
    }

    /** Whether the CPU has all of AVX-512 F, BW, VL and DQ (what OpenBLAS's SkylakeX kernels use). */
    public boolean avx512() {
        return flags.containsAll(List.of("avx512f", "avx512bw", "avx512vl", "avx512dq"));
    }

    /** Whether the CPU has AVX2 and FMA (what OpenBLAS's Haswell and Zen kernels use). */
    public boolean avx2() {
        return flags.containsAll(List.of("avx2", "fma"));
    }

    /** "AMD EPYC (AuthenticAMD family 25 model 1, 2 cores, AVX2)". */
    public String describe() {
        return modelName + " (" + vendor + " family " + family + " model " + model + ", " + cores + " cores, "
                + (avx512() ? "AVX-512" : avx2() ? "AVX2" : "no AVX2") + ")";
    }

    /** A string that changes whenever the CPU or its features change, for caching per machine. */
    public String signature() {
        return vendor + "|" + family + "|" + model + "|" + modelName + "|" + String.join(" ", new TreeSet<>(flags)).hashCode()
                + "|" + cores;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
