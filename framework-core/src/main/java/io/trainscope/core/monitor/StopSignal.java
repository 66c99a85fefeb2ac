package io.trainscope.core.monitor;

/**
 * Carries a request to stop the run to the training loop, which checks it after every iteration:
 * a monitor's ({@code MonitorContext.requestStop}), or the core's own when the run must fail
 * ({@link #requestFailure}: a non-finite value under {@code training.on-non-finite: stop}, a
 * throwing monitor under {@code training.on-monitor-error: fail}).
 */
public final class StopSignal {

    private volatile String reason;
    private volatile String requestedBy;
    private volatile boolean failure;

    /** Records the first stop request; later ones are ignored. */
    public synchronized void request(String monitor, String reason) {
        if (this.reason == null) {
            this.requestedBy = monitor;
            this.reason = reason;
        }
    }

    /**
     * Records a request that stops the run as failed, unless one was recorded before; a failure
     * outranks an earlier plain stop request.
     */
    public synchronized void requestFailure(String source, String reason) {
        if (this.reason == null || !failure) {
            this.requestedBy = source;
            this.reason = reason;
            this.failure = true;
        }
    }

    /** Forgets a plain stop request of {@code monitor} (the run's policy overrides it); a failure stays. */
    public synchronized void withdraw(String monitor) {
        if (!failure && monitor.equals(requestedBy)) {
            reason = null;
            requestedBy = null;
        }
    }

    /** Whether a stop was requested. */
    public boolean requested() {
        return reason != null;
    }

    /** Whether the request ends the run as failed. */
    public boolean failure() {
        return failure;
    }

    /** The name of the monitor (or core part) that asked to stop, or null. */
    public String requestedBy() {
        return requestedBy;
    }

    /** "monitor: reason", or null. */
    public String describe() {
        return reason == null ? null : requestedBy + ": " + reason;
    }
}
