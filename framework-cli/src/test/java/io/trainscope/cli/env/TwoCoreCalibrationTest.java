package io.trainscope.cli.env;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** When trainscope splits large products over two threads, with faked probes. */
class TwoCoreCalibrationTest {

    private static final ThreadSetting ONE = new ThreadSetting(1, 1);

    private static TwoCoreCalibration.Prober result(int granule, double off, double on, boolean identical) {
        return s -> new TwoCoreCalibration.Result(granule, off, on, identical, null);
    }

    @Test
    void onWhenVerifiedAndFaster() {
        var d = TwoCoreCalibration.choose(2, ONE, result(12, 18000, 22000, true));
        assertThat(d.granule()).isEqualTo("12");
        assertThat(d.reason()).contains("22000", "18000", "same bits", "granule 12");
    }

    @Test
    void offWithinNoiseOrSlowerOrDifferentBitsOrNoGranule() {
        assertThat(TwoCoreCalibration.choose(2, ONE, result(12, 18000, 18500, true)).granule()).isNull();
        assertThat(TwoCoreCalibration.choose(2, ONE, result(12, 18000, 12000, true)).reason()).startsWith("not faster");
        assertThat(TwoCoreCalibration.choose(2, ONE, result(12, 18000, 24000, false)).reason()).contains("different bits");
        assertThat(TwoCoreCalibration.choose(2, ONE, result(0, Double.NaN, Double.NaN, false)).reason())
                .contains("no column split keeps the bits");
        assertThat(TwoCoreCalibration.choose(2, ONE, s -> new TwoCoreCalibration.Result(0, 0, 0, false, "timed out"))
                .reason()).isEqualTo("probe failed: timed out");
    }

    @Test
    void notProbedOnOneCoreOrWithMoreBlasThreads() {
        TwoCoreCalibration.Prober never = s -> fail("probed");
        assertThat(TwoCoreCalibration.choose(1, ONE, never).reason()).isEqualTo("one core");
        assertThat(TwoCoreCalibration.choose(4, new ThreadSetting(1, 4), never).reason()).contains("4 BLAS threads");
        assertThat(TwoCoreCalibration.choose(4, null, never).granule()).isNull();
    }

    @Test
    void exportedUnlessTheUserChoseThreadsOrTheSettingItself() {
        NativeSettings s = new NativeSettings("sig", "1", "1", "why", null, "none", "Zen", 55, 55, "now", "12", "faster");
        assertThat(s.exports(Map.of())).containsEntry(NativeSettings.TWO_CORE_VARIABLE, "12");
        assertThat(s.source(Map.of())).contains("two-core products on, column granule 12 (trainscope: faster)");
        assertThat(s.exports(Map.of("OMP_NUM_THREADS", "2"))).doesNotContainKey(NativeSettings.TWO_CORE_VARIABLE);
        assertThat(s.source(Map.of("OMP_NUM_THREADS", "2"))).contains("two-core products off (your thread settings");
        assertThat(s.exports(Map.of(NativeSettings.TWO_CORE_VARIABLE, "0")))
                .doesNotContainKey(NativeSettings.TWO_CORE_VARIABLE);
        assertThat(s.source(Map.of(NativeSettings.TWO_CORE_VARIABLE, "0"))).contains("=0 (your environment)");
        NativeSettings off = s.withTwoCore(null, "not faster");
        assertThat(off.exports(Map.of())).doesNotContainKey(NativeSettings.TWO_CORE_VARIABLE);
        assertThat(off.source(Map.of())).contains("two-core products off (trainscope: not faster)");
    }
}
