package io.trainscope.core.run;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A resumed run's findings: restored ones stay, repeats of them are dropped, new ones are kept. */
class FindingLogTest {

    private static Finding finding(String monitor, Integer layer, long iteration, String summary) {
        return new Finding(monitor, Pathology.DEAD_UNITS, Severity.WARNING, layer, iteration, 0, summary, List.of(), "");
    }

    @Test
    void aFindingThatRepeatsARestoredOneApartFromItsNumbersIsNotReportedAgain() {
        FindingLog log = new FindingLog();
        Finding before = finding("dead-neurons", 0, 0, "40% of hidden-0's units are dead after 1.5e-3 seconds.");
        log.restore(before);

        log.accept(finding("dead-neurons", 0, 120, "45% of hidden-0's units are dead after 2.0e-3 seconds."));

        assertThat(log.all()).containsExactly(before);
    }

    @Test
    void findingsThatDifferInMonitorLayerOrWordsAreNewAfterAResume() {
        FindingLog log = new FindingLog();
        log.restore(finding("dead-neurons", 0, 0, "40% of hidden-0's units are dead."));
        List<Finding> fresh = List.of(
                finding("dead-neurons", 1, 120, "40% of hidden-1's units are dead."),
                finding("other", 0, 120, "40% of hidden-0's units are dead."),
                finding("dead-neurons", 0, 120, "Units of hidden-0 are dying during training."));
        fresh.forEach(log::accept);

        assertThat(log.all()).hasSize(4).containsAll(fresh);
    }

    @Test
    void withoutARestoreEveryFindingIsKeptEvenARepeat() {
        FindingLog log = new FindingLog();
        log.accept(finding("m", null, 1, "same words"));
        log.accept(finding("m", null, 2, "same words"));
        assertThat(log.all()).hasSize(2);
    }
}
