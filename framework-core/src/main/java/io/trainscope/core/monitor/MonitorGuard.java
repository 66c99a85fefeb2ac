package io.trainscope.core.monitor;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * Runs one monitor callback under the dispatch contract: timed, and a monitor that throws
 * ({@code RuntimeException}, {@code LinkageError}, {@code AssertionError}) is logged once with its
 * name, the hook and the exception, disabled for the rest of the run and reported as a
 * {@code monitor-failure} finding. Then, by {@code training.on-monitor-error}: training goes on
 * ({@code disable}, a warning finding), or the run stops as failed after the current iteration
 * ({@code fail}, a critical finding and {@link StopSignal#requestFailure}).
 */
final class MonitorGuard {

    private static final Logger log = LoggerFactory.getLogger(HookDispatcher.class);

    private final Consumer<Finding> findings;
    private final StopSignal stop;
    private boolean failRun;

    /** @param stop where a failing monitor stops the run under {@code on-monitor-error: fail} (null: never) */
    MonitorGuard(Consumer<Finding> findings, StopSignal stop) {
        this.findings = findings;
        this.stop = stop;
    }

    /** Whether a throwing monitor fails the run ({@code fail}) instead of only being disabled ({@code disable}). */
    void failRun(boolean fail) {
        this.failRun = fail && stop != null;
    }

    /** Runs {@code callback}, the monitor's {@code hook}, unless the monitor is disabled. */
    void call(MonitorSlot slot, String hook, Runnable callback, long iteration, int epoch) {
        if (!slot.enabled()) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            callback.run();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            failed(slot, hook, e, iteration, epoch);
        } finally {
            slot.addTime(System.nanoTime() - t0);
        }
    }

    private void failed(MonitorSlot slot, String hook, Throwable e, long iteration, int epoch) {
        slot.disable();
        String what = e.getClass().getSimpleName() + " in " + hook;
        log.error("monitor '{}' threw {} at iteration {} and is disabled for the rest of the run{}", slot.name(), what,
                iteration, failRun ? "; training.on-monitor-error: fail stops the run" : "", e);
        new Finding.Builder(slot.name(), Pathology.MONITOR_FAILURE, failRun ? Severity.CRITICAL : Severity.WARNING,
                iteration, epoch, findings)
                .summary("The monitor '" + slot.name() + "' threw " + what + " and was disabled; "
                        + (failRun ? "the run stops (training.on-monitor-error: fail)." : "its measurements stop here."))
                .evidence(String.valueOf(e.getMessage()))
                .evidence("hook " + hook + " at iteration " + iteration + " (epoch " + epoch + ")")
                .prescription("Check the monitor's parameters; if they are right, report the stack trace in the log "
                        + "to the monitor's author.")
                .report();
        if (failRun) {
            stop.requestFailure(slot.name(), "threw " + what + " at iteration " + iteration
                    + " (training.on-monitor-error: fail)");
        }
    }
}
