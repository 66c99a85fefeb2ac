package io.trainscope.core.plugin.jarred;

/** A plugin with nothing wrong, shipped in the same jar as broken ones. */
public final class FineActivation extends FakeActivation {
    public FineActivation() {
        super("fine", "nothing wrong with it");
    }
}
