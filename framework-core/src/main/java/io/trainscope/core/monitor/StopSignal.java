package io.trainscope.core.monitor;

/** Carries a monitor's request to stop the run to the training loop, which checks it after every iteration. */
public final class StopSignal {

    private volatile String reason;
    private volatile String requestedBy;

    /** Records the first stop request; later ones are ignored. */
    public synchronized void request(String monitor, String reason) {
        if (this.reason == null) {
            this.requestedBy = monitor;
            this.reason = reason;
        }
    }

    /** Whether a stop was requested. */
    public boolean requested() {
        return reason != null;
    }

    /** The name of the monitor that asked to stop, or null. */
    public String requestedBy() {
        return requestedBy;
    }

    /** "monitor: reason", or null. */
    public String describe() {
        return reason == null ? null : requestedBy + ": " + reason;
    }
}
