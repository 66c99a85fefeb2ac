package io.trainscope.core.plugin.jarred;

/** A plugin whose constructor fails. */
public final class ThrowingActivation extends FakeActivation {
    public ThrowingActivation() {
        super("throwing", "broken");
        throw new IllegalStateException("no license key");
    }
}
