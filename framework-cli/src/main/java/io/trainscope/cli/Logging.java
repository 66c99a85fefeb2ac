package io.trainscope.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * The command line's log level. The CLI's Logback configuration reads the system property
 * {@code trainscope.log.level} when the first logger is created, which is why
 * {@link TrainscopeCli#main} looks for {@code --quiet} before picocli builds the commands;
 * {@link #errorsOnly()} also silences loggers that exist already (and those configured at WARN,
 * such as ND4J's), so that {@code train -q} prints no WARN line, in-process too.
 */
final class Logging {

    private static final String LEVEL = "trainscope.log.level";

    private Logging() {
    }

    /** Warnings and errors only from now on (call before anything logs); for the benchmark's clean table. */
    static void warningsOnly() {
        System.setProperty(LEVEL, "WARN");
    }

    /** Sets the level {@code --quiet} needs before the first logger exists (in {@code main}). */
    static void errorsOnlyFromStart() {
        System.setProperty(LEVEL, "ERROR");
    }

    /** Drops every log event below ERROR until the returned handle is closed. */
    static Quiet errorsOnly() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return () -> { };
        }
        TurboFilter filter = new TurboFilter() {
            @Override
            public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
                                      Object[] params, Throwable t) {
                return level == null || level.isGreaterOrEqual(Level.ERROR) ? FilterReply.NEUTRAL : FilterReply.DENY;
            }
        };
        filter.start();
        context.addTurboFilter(filter);
        return () -> context.getTurboFilterList().remove(filter);
    }

    /** Restores the log level {@link #errorsOnly()} changed. */
    @FunctionalInterface
    interface Quiet extends AutoCloseable {
        @Override
        void close();
    }
}
