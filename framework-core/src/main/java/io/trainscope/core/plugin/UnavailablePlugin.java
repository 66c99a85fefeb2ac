package io.trainscope.core.plugin;

/**
 * A plugin entry found on the classpath that cannot be used: its class is missing or cannot be
 * instantiated, its metadata breaks the conventions, or another plugin of its family has the same
 * name. Discovery collects these instead of failing, so that a command fails only when it needs
 * one of them ({@link PluginRegistry#get}) or when {@link PluginErrorPolicy#FAIL} is chosen.
 *
 * @param family    the family whose services file lists it
 * @param name      the plugin name, or null when the plugin could not be instantiated to ask it
 * @param className the implementation class as listed, or null when several classes are involved
 * @param source    the jar or classes directory it comes from, or null when several are involved
 * @param reason    what is wrong and the fix, in words
 */
public record UnavailablePlugin(PluginFamily<?> family, String name, String className, String source, String reason) {

    /**
     * One line for logs and errors: "the activation com.acme.Broken from /opt/acme.jar cannot be
     * used: its constructor threw IllegalStateException: no license key; ...".
     */
    public String describe() {
        String subject = name == null ? "the " + family.displayName() + " " + className + " from " + source
                : "the " + family.displayName() + " '" + name + "'"
                + (className == null ? "" : " (" + className + " from " + source + ")");
        return subject + " cannot be used: " + reason;
    }
}
