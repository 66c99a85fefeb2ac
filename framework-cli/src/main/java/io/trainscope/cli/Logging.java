package io.trainscope.cli;

/**
 * The command line's log level. The CLI's Logback configuration reads the system property
 * {@code trainscope.log.level}; it must be set before the first logger is created, which is why
 * {@link TrainscopeCli#main} looks for {@code --quiet} before picocli builds the commands.
 */
final class Logging {

    private Logging() {
    }

    /** Only warnings and errors from now on (call before anything logs). */
    static void quiet() {
        System.setProperty("trainscope.log.level", "WARN");
    }
}
