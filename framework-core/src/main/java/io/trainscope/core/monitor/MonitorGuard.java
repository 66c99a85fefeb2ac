package io.trainscope.core.monitor;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * Runs one monitor callback under the dispatch contract: timed, and a monitor that throws is
 * logged with its name and the exception, disabled for the rest of the run and reported as a
 * {@code monitor-failure} finding; training goes on.
 */
final class MonitorGuard {

    private static final Logger log = LoggerFactory.getLogger(HookDispatcher.class);

    private MonitorGuard() {
    }

    static void call(MonitorSlot slot, Runnable callback, long iteration, int epoch, Consumer<Finding> findings) {
        if (!slot.enabled()) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            callback.run();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            slot.disable();
            log.error("monitor '{}' failed at iteration {} and is disabled for the rest of the run", slot.name(),
                    iteration, e);
            new Finding.Builder(slot.name(), Pathology.MONITOR_FAILURE, Severity.WARNING, iteration, epoch, findings)
                    .summary("The monitor '" + slot.name() + "' threw " + e.getClass().getSimpleName()
                            + " and was disabled; its measurements stop here.")
                    .evidence(String.valueOf(e.getMessage()))
                    .prescription("Check the monitor's parameters; if they are right, report the stack trace in the log "
                            + "to the monitor's author.")
                    .report();
        } finally {
            slot.addTime(System.nanoTime() - t0);
        }
    }
}
