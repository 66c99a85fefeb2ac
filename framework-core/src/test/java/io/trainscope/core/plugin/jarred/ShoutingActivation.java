package io.trainscope.core.plugin.jarred;

/** A plugin whose name breaks the naming rule. */
public final class ShoutingActivation extends FakeActivation {
    public ShoutingActivation() {
        super("LOUD_RELU", "bad name");
    }
}
