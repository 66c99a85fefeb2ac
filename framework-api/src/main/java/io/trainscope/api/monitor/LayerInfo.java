package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;
import io.trainscope.api.activation.FlatRegion;

import java.util.List;
import java.util.Objects;

/**
 * One logical layer of the network. In a network trainscope builds, a dense (or convolution)
 * layer together with its normalization and activation, named {@code hidden-0} ... {@code output};
 * in a network an application built itself and instruments, one DL4J layer or graph vertex with
 * activations, named as the application named it.
 *
 * @param index      position in {@link NetworkInfo#layers()}, from 0
 * @param name       {@code hidden-0}, {@code hidden-1}, ..., {@code output}; or the application's layer
 *                   (vertex) name
 * @param output     whether this is an output layer
 * @param fanIn      inputs per unit: the previous width for a dense layer, input channels × kernel
 *                   area for a convolution; 0 for a layer without weights
 * @param units      number of units: the width of a dense layer, the number of channels of a
 *                   convolution or of the layers that keep their input's channels
 * @param activation the activation's name ({@code sigmoid}, {@code softmax}, ...; {@code identity}
 *                   for a layer that applies none)
 * @param flatRegion where the activation's output is flat, from its plugin
 * @param kind       what computes the layer's output; only {@link LayerKind#weighted()} kinds have weights
 * @param shape      the shape of one example's activations as far as it is known: {@code [units]}
 *                   for a dense layer, {@code [channels, rows, columns]} for a convolution (in an
 *                   instrumented network whose input shape trainscope was not told, {@code [channels]})
 */
@StableApi(since = "0.1")
public record LayerInfo(int index, String name, boolean output, long fanIn, long units, String activation,
                        FlatRegion flatRegion, LayerKind kind, List<Long> shape) {

    public LayerInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        shape = List.copyOf(shape);
    }

    /** A dense layer of {@code units} units. */
    public LayerInfo(int index, String name, boolean output, long fanIn, long units, String activation,
                     FlatRegion flatRegion) {
        this(index, name, output, fanIn, units, activation, flatRegion, LayerKind.DENSE, List.of(units));
    }

    /** Whether this is a dense layer, whose activations are a {@code [batch, units]} matrix. */
    public boolean dense() {
        return kind == LayerKind.DENSE;
    }

    /** Whether the layer has weights, a bias, gradients and updates ({@link LayerKind#weighted()}). */
    public boolean weighted() {
        return kind.weighted();
    }

    /** The same layer at another position (a monitor's view of the network numbers its layers from 0). */
    public LayerInfo at(int position) {
        return new LayerInfo(position, name, output, fanIn, units, activation, flatRegion, kind, shape);
    }
}
