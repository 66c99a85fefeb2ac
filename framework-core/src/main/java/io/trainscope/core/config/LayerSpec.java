package io.trainscope.core.config;

import java.util.Objects;

/**
 * One hidden layer of {@code model.layers} (or of {@code model.hidden}, where every layer is a
 * dense one that inherits everything).
 *
 * @param type     what the layer computes
 * @param units    the width of a dense layer or the filters of a convolution, >= 1; 0 for other types
 * @param settings what this layer sets for itself; null fields inherit the model's values
 * @param window   the kernel, stride and padding of a convolution or pooling layer, else null
 */
public record LayerSpec(LayerType type, int units, LayerSettings settings, LayerWindow window) {

    public LayerSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(settings, "settings");
        if (type.windowed() != (window != null)) {
            throw new IllegalArgumentException(type.configName() + (type.windowed() ? " needs" : " takes no") + " window");
        }
    }

    /** A layer without a window (dense or flatten). */
    public LayerSpec(LayerType type, int units, LayerSettings settings) {
        this(type, units, settings, null);
    }

    /** A dense layer of {@code units} units that inherits every setting. */
    public static LayerSpec dense(int units) {
        return new LayerSpec(LayerType.DENSE, units, LayerSettings.INHERIT);
    }

    /** Whether {@code model.hidden} can say this layer: a dense layer that sets nothing itself. */
    public boolean plain() {
        return type == LayerType.DENSE && settings.isEmpty();
    }
}
