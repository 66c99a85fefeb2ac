package io.trainscope.cli.env;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The choice of native settings, with the GEMM probes faked (the real ones run child JVMs). */
class NativeCalibrationTest {

    private static final Set<String> AVX512 = Set.of("avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512dq");
    private static final CpuInfo XEON = new CpuInfo("GenuineIntel", 6, 207, "Intel Xeon", AVX512, 2);
    private static final CpuInfo EPYC = new CpuInfo("AuthenticAMD", 25, 1, "AMD EPYC", Set.of("avx", "avx2", "fma"), 2);

    @Test
    void forcesSkylakeXWhenOpenBlasMisdetectsAnAvx512XeonAndTheForcedKernelsAreRightAndFaster() {
        NativeSettings s = NativeCalibration.calibrate(XEON, (omp, core) -> core == null
                ? new NativeCalibration.Probe("Prescott", 31, 1e-7) : new NativeCalibration.Probe("SkylakeX", 128, 1e-7));
        assertThat(s.openblasCoreType()).isEqualTo("SkylakeX");
        assertThat(s.ompThreads()).isEqualTo("1");
        assertThat(s.coreTypeReason()).contains("detects this CPU as Prescott", "128.0 instead of 31.0 GFLOP/s");
        assertThat(s.exports(Map.of())).containsEntry("OPENBLAS_CORETYPE", "SkylakeX").containsEntry("OMP_NUM_THREADS", "1");
    }

    @Test
    void keepsOpenBlasOwnChoiceWhenTheForcedKernelsComputeWrongResults() {
        NativeSettings s = NativeCalibration.calibrate(XEON, (omp, core) -> core == null
                ? new NativeCalibration.Probe("Prescott", 31, 1e-7) : new NativeCalibration.Probe("SkylakeX", 128, 0.4));
        assertThat(s.openblasCoreType()).isNull();
        assertThat(s.coreTypeReason()).startsWith("SkylakeX failed the GEMM check");
    }

    @Test
    void keepsOpenBlasOwnChoiceWhenTheForcedKernelsAreNotFaster() {
        NativeSettings s = NativeCalibration.calibrate(XEON, (omp, core) -> new NativeCalibration.Probe(
                core == null ? "Haswell" : "SkylakeX", 100, 1e-7));
        assertThat(s.openblasCoreType()).isNull();
        assertThat(s.coreTypeReason()).contains("was not faster");
    }

    @Test
    void changesNothingWhenOpenBlasDetectsTheCpuCorrectly() {
        List<String> probed = new ArrayList<>();
        NativeSettings s = NativeCalibration.calibrate(EPYC, (omp, core) -> {
            probed.add(String.valueOf(core));
            return new NativeCalibration.Probe("Zen", 55, 1e-7);
        });
        assertThat(s.openblasCoreType()).isNull();
        assertThat(probed).containsExactly("null");
        assertThat(s.coreTypeReason()).isEqualTo("OpenBLAS detects this CPU correctly as Zen");
    }

    @Test
    void theUsersOwnEnvironmentAlwaysWins() {
        NativeSettings s = NativeCalibration.calibrate(XEON, (omp, core) -> core == null
                ? new NativeCalibration.Probe("Prescott", 31, 1e-7) : new NativeCalibration.Probe("SkylakeX", 128, 1e-7));
        Map<String, String> exports = s.exports(Map.of("OMP_NUM_THREADS", "2", "OPENBLAS_CORETYPE", "Haswell"));
        assertThat(exports).doesNotContainKeys("OMP_NUM_THREADS", "OPENBLAS_CORETYPE");
        assertThat(exports.get("TRAINSCOPE_NATIVE_SOURCE")).contains("OMP_NUM_THREADS=2 (your environment)",
                "OPENBLAS_CORETYPE=Haswell (your environment)");
    }

    @Test
    void leavesThreadsAloneAboveTwoCores() {
        CpuInfo big = new CpuInfo("AuthenticAMD", 25, 1, "AMD EPYC", Set.of("avx2", "fma"), 16);
        NativeSettings s = NativeCalibration.calibrate(big, (omp, core) -> new NativeCalibration.Probe("Zen", 55, 1e-7));
        assertThat(s.ompThreads()).isNull();
        assertThat(s.ompReason()).contains("16 cores");
    }

    @Test
    void readsCpuFlagsFromProcCpuinfo() {
        CpuInfo cpu = CpuInfo.parse(List.of("processor\t: 0", "vendor_id\t: GenuineIntel", "cpu family\t: 6",
                "model\t\t: 207", "model name\t: Intel(R) Xeon(R) Platinum", "flags\t\t: fpu avx avx2 fma avx512f avx512bw "
                        + "avx512vl avx512dq", ""), 2);
        assertThat(cpu.avx512()).isTrue();
        assertThat(NativeCalibration.candidate(cpu)).isEqualTo("SkylakeX");
        assertThat(cpu.describe()).isEqualTo("Intel(R) Xeon(R) Platinum (GenuineIntel family 6 model 207, 2 cores, AVX-512)");
    }
}
