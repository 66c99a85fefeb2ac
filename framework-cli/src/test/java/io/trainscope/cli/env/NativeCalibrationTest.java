package io.trainscope.cli.env;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        NativeSettings s = calibrate(XEON, (omp, core) -> core == null
                ? new NativeCalibration.Probe("Prescott", 31, 1e-7) : new NativeCalibration.Probe("SkylakeX", 128, 1e-7));
        assertThat(s.openblasCoreType()).isEqualTo("SkylakeX");
        assertThat(s.ompThreads()).isEqualTo("1");
        assertThat(s.coreTypeReason()).contains("detects this CPU as Prescott", "128.0 instead of 31.0 GFLOP/s");
        assertThat(s.exports(Map.of())).containsEntry("OPENBLAS_CORETYPE", "SkylakeX").containsEntry("OMP_NUM_THREADS", "1");
    }

    @Test
    void keepsOpenBlasOwnChoiceWhenTheForcedKernelsComputeWrongResults() {
        NativeSettings s = calibrate(XEON, (omp, core) -> core == null
                ? new NativeCalibration.Probe("Prescott", 31, 1e-7) : new NativeCalibration.Probe("SkylakeX", 128, 0.4));
        assertThat(s.openblasCoreType()).isNull();
        assertThat(s.coreTypeReason()).startsWith("SkylakeX failed the GEMM check");
    }

    @Test
    void keepsOpenBlasOwnChoiceWhenTheForcedKernelsAreNotFaster() {
        NativeSettings s = calibrate(XEON, (omp, core) -> new NativeCalibration.Probe(
                core == null ? "Haswell" : "SkylakeX", 100, 1e-7));
        assertThat(s.openblasCoreType()).isNull();
        assertThat(s.coreTypeReason()).contains("was not faster");
    }

    @Test
    void changesNothingWhenOpenBlasDetectsTheCpuCorrectly() {
        List<String> probed = new ArrayList<>();
        NativeSettings s = calibrate(EPYC, (omp, core) -> {
            probed.add(String.valueOf(core));
            return new NativeCalibration.Probe("Zen", 55, 1e-7);
        });
        assertThat(s.openblasCoreType()).isNull();
        assertThat(probed).containsExactly("null");
        assertThat(s.coreTypeReason()).isEqualTo("OpenBLAS detects this CPU correctly as Zen");
    }

    @Test
    void theUsersOwnEnvironmentAlwaysWins() {
        NativeSettings s = calibrate(XEON, (omp, core) -> core == null
                ? new NativeCalibration.Probe("Prescott", 31, 1e-7) : new NativeCalibration.Probe("SkylakeX", 128, 1e-7));
        Map<String, String> exports = s.exports(Map.of("OMP_NUM_THREADS", "2", "OPENBLAS_CORETYPE", "Haswell"));
        assertThat(exports).doesNotContainKeys("OMP_NUM_THREADS", "OPENBLAS_CORETYPE");
        assertThat(exports.get("TRAINSCOPE_NATIVE_SOURCE")).contains("OMP_NUM_THREADS=2 (your environment)",
                "OPENBLAS_CORETYPE=Haswell (your environment)");
    }

    @Test
    void aValueInTheEnvironmentThatIsTheCalibrationsOwnChoiceIsAttributedToIt() {
        NativeSettings s = calibrate(XEON, (omp, core) -> core == null
                ? new NativeCalibration.Probe("Prescott", 31, 1e-7) : new NativeCalibration.Probe("SkylakeX", 128, 1e-7));
        assertThat(s.openblasCoreType()).isEqualTo("SkylakeX");
        String source = s.exports(Map.of("OPENBLAS_CORETYPE", "SkylakeX")).get("TRAINSCOPE_NATIVE_SOURCE");
        assertThat(source).contains("OPENBLAS_CORETYPE=SkylakeX (in your environment, as trainscope's calibration chose: ")
                .doesNotContain("SkylakeX (your environment)");
    }

    @Test
    void keepsTheOldDefaultsWhenTheTrainingStepCannotBeMeasured() {
        CpuInfo big = new CpuInfo("AuthenticAMD", 25, 1, "AMD EPYC", Set.of("avx2", "fma"), 16);
        ThreadChoice.StepProber crashing = t -> StepResult.failed("exit 134, no result");
        NativeSettings many = NativeCalibration.calibrate(big, (omp, core) -> new NativeCalibration.Probe("Zen", 55, 1e-7),
                coreType -> crashing);
        assertThat(many.ompThreads()).isNull();
        assertThat(many.blasThreads()).isNull();
        assertThat(many.ompReason()).contains("16 cores", "probe failed", "exit 134");
        NativeSettings two = NativeCalibration.calibrate(EPYC, (omp, core) -> new NativeCalibration.Probe("Zen", 55, 1e-7),
                coreType -> crashing);
        assertThat(two.ompThreads()).isEqualTo("1");
        assertThat(two.exports(Map.of())).doesNotContainKey(BlasThreads.VARIABLE);
    }

    @Test
    void probesTheTrainingStepWithTheChosenCoreTypeAndExportsTheChosenThreads() {
        List<String> coreTypes = new ArrayList<>();
        NativeSettings s = NativeCalibration.calibrate(XEON, (omp, core) -> core == null
                ? new NativeCalibration.Probe("Prescott", 31, 1e-7) : new NativeCalibration.Probe("SkylakeX", 128, 1e-7),
                coreType -> {
                    coreTypes.add(coreType);
                    return t -> new StepResult(t.blas() == 2 && t.omp() == 1 ? 9000 : 5000, 0.5, 100, null);
                });
        assertThat(coreTypes).containsExactly("SkylakeX");
        assertThat(s.ompThreads()).isEqualTo("1");
        assertThat(s.blasThreads()).isEqualTo("2");
        assertThat(s.exports(Map.of())).containsEntry(BlasThreads.VARIABLE, "2");
        assertThat(s.exports(Map.of("OMP_NUM_THREADS", "2"))).doesNotContainKey(BlasThreads.VARIABLE);
        assertThat(s.exports(Map.of("OPENBLAS_NUM_THREADS", "4"))).containsEntry(BlasThreads.VARIABLE, "4");
        assertThat(s.source(Map.of())).contains("OMP_NUM_THREADS=1, BLAS threads=2 (trainscope: fastest verified");
    }

    @Test
    void cachedSettingsRoundTripAndAnOlderCalibrationIsNotReused(@TempDir Path dir) throws IOException {
        NativeSettings s = new NativeSettings("sig", "1", "2", "why", null, "none", "Zen", 55, 55, "now", "12", "faster");
        Path file = dir.resolve("native-settings.properties");
        s.write(file);
        assertThat(NativeSettings.read(file)).isEqualTo(s);
        Files.writeString(file, Files.readString(file).replace("calibration=2", "calibration=1"));
        assertThat(NativeSettings.read(file)).isNull();
    }

    /** The core-type calibration with a training step that runs equally fast with any threads. */
    private static NativeSettings calibrate(CpuInfo cpu, NativeCalibration.Prober prober) {
        return NativeCalibration.calibrate(cpu, prober, coreType -> t -> new StepResult(5000, 0.5, 100, null));
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
