package io.trainscope.cli.badinput;

import java.io.IOException;
import java.util.List;

/**
 * One bad input of the table: what it is, how to make it, and what the one line of its error must
 * say (the field or file, and what is expected), in order.
 *
 * @param command  the command it is given to (train, evaluate, report, ...)
 * @param name     what is wrong, in words
 * @param setup    makes the files and returns the command line
 * @param expected texts the error line contains, in this order
 */
record BadInput(String command, String name, Setup setup, List<String> expected) {

    /** Makes a case's files in its workspace and returns its command line arguments. */
    @FunctionalInterface
    interface Setup {
        List<String> args(Workspace w) throws IOException;
    }

    @Override
    public String toString() {
        return command + ": " + name;
    }
}
