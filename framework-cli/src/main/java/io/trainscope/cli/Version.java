package io.trainscope.cli;

import picocli.CommandLine;

/** The version line of {@code trainscope --version}. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[]{"trainscope " + (v == null ? "development build" : v) + " (DL4J/ND4J 1.0.0-M2.1, Java "
                + System.getProperty("java.version") + ")"};
    }
}
