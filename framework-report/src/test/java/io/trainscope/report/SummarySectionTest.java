package io.trainscope.report;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary's "time in monitors" row: seconds per monitor and their share of the training time. */
class SummarySectionTest {

    @Test
    void aSlowMonitorShowsWithItsShareOfTheTrainingTime() {
        Map<String, Object> seconds = new LinkedHashMap<>();
        seconds.put("slow", 3.0);
        seconds.put("fast", 0.08);
        Map<String, Object> run = Map.of("monitor_seconds", seconds, "training_seconds", 12.0);

        assertThat(SummarySection.monitorTime(run)).isEqualTo("slow 3 s (25.0% of training), fast 0.08 s (0.7% of training)");
    }

    @Test
    void withoutTheTrainingTimeOnlyTheSecondsShow() {
        assertThat(SummarySection.monitorTime(Map.of("monitor_seconds", Map.of("m", 0.5)))).isEqualTo("m 0.5 s");
        assertThat(SummarySection.monitorTime(Map.of())).isNull();
    }
}
