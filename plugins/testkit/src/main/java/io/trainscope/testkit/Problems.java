package io.trainscope.testkit;

import java.util.List;

/** How every {@code assert} method of the testkit fails: one {@link AssertionError} listing the problems. */
final class Problems {

    private Problems() {
    }

    /** Throws an {@link AssertionError} with one problem per line, unless {@code problems} is empty. */
    static void assertNone(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join(System.lineSeparator(), problems));
        }
    }
}
