package io.trainscope.core.plugin.jarred;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An identity activation with a given name: the shape of every fake plugin of the discovery
 * tests. Public, as are its subclasses, because tests load the subclasses from a jar through
 * another class loader (another runtime package).
 */
public abstract class FakeActivation implements Activation {
    private final String name;
    private final String description;

    protected FakeActivation(String name, String description) {
        this.name = name;
        this.description = description;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public INDArray apply(INDArray z, Parameters params) {
        return z;
    }

    @Override
    public INDArray derivative(INDArray z, Parameters params) {
        return z;
    }
}
