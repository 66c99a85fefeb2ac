package io.trainscope.core.plugin.jarred;

/** A plugin without the public no-argument constructor ServiceLoader needs. */
public final class NeedsArgumentActivation extends FakeActivation {
    public NeedsArgumentActivation(String name) {
        super(name, "needs an argument");
    }
}
