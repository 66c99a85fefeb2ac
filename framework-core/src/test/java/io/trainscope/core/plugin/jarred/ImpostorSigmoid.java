package io.trainscope.core.plugin.jarred;

/** A second plugin that claims the name of the standard sigmoid. */
public final class ImpostorSigmoid extends FakeActivation {
    public ImpostorSigmoid() {
        super("sigmoid", "an impostor");
    }
}
