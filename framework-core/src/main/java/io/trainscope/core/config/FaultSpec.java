package io.trainscope.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a run does when something goes wrong inside it: a NaN or infinity in the loss or the
 * parameters ({@code training.on-non-finite}) and a monitor that throws
 * ({@code training.on-monitor-error}).
 *
 * @param onNonFinite    {@code stop} (default), {@code skip-batch} or {@code continue}
 * @param onMonitorError {@code disable} (default) or {@code fail}
 */
public record FaultSpec(NonFinite onNonFinite, MonitorError onMonitorError) {

    /** Stop at the first non-finite value; disable a monitor that throws. */
    public static final FaultSpec DEFAULT = new FaultSpec(NonFinite.STOP, MonitorError.DISABLE);

    public FaultSpec {
        Objects.requireNonNull(onNonFinite, "onNonFinite");
        Objects.requireNonNull(onMonitorError, "onMonitorError");
    }

    /** {@code training.on-non-finite}: what the first NaN or infinity in the loss or the parameters does. */
    public enum NonFinite {
        /** The run stops at the iteration where it appeared and fails; no checkpoint is written after it. */
        STOP,
        /** The step is undone (parameters and optimizer state from before it) and training goes on with the next batch. */
        SKIP_BATCH,
        /** Reported once; training goes on with the non-finite values (no checkpoint holds them). */
        CONTINUE;

        /** The value as a config writes it. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Every value as a config writes it. */
        public static List<String> keys() {
            return Arrays.stream(values()).map(NonFinite::key).toList();
        }

        /** The value a config wrote ({@link #keys()}). */
        public static NonFinite of(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** {@code training.on-monitor-error}: what a monitor that throws does to the run. */
    public enum MonitorError {
        /** The monitor is disabled for the rest of the run and reported as a finding; training goes on. */
        DISABLE,
        /** The run fails at once, naming the monitor and the hook. */
        FAIL;

        /** The value as a config writes it. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Every value as a config writes it. */
        public static List<String> keys() {
            return Arrays.stream(values()).map(MonitorError::key).toList();
        }

        /** The value a config wrote ({@link #keys()}). */
        public static MonitorError of(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }
}
