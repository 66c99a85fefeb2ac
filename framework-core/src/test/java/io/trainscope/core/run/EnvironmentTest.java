package io.trainscope.core.run;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentTest {

    @Test
    void saysWhetherJavacppChecksResidentMemoryAtEachAllocation() {
        assertThat(Environment.physicalMemoryCheck(0)).isEqualTo("off (org.bytedeco.javacpp.maxPhysicalBytes=0)");
        assertThat(Environment.physicalMemoryCheck(3L << 30))
                .isEqualTo("on, limit 3072 MiB (read at every native allocation)");
    }

    @Test
    void recordsTheCheckInEffectWithTheRun() {
        assertThat(Environment.describe()).containsEntry("javacpp_physical_memory_check",
                Environment.physicalMemoryCheck(Pointer.maxPhysicalBytes()));
    }
}
