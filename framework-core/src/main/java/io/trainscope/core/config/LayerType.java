package io.trainscope.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kind of an entry of {@code model.layers}: what the layer computes and which keys its entry
 * may hold. A config names it by {@link #configName()}; {@code dense} is the default. Convolution
 * and pooling layers read image data ({@code channels x rows x columns}); a dense layer after them
 * sees their output flattened ({@code flatten} says so explicitly but is never required).
 */
public enum LayerType {
    /** A fully connected layer of {@code units} units with an activation, weights and (optionally) a bias. */
    DENSE("dense", Set.of("units"), true),
    /** A 2-D convolution of {@code filters} kernels with an activation, weights and (optionally) a bias per filter. */
    CONV2D("conv2d", Set.of("filters", "kernel", "stride", "padding"), true),
    /** The maximum of each window, channel by channel; no weights. */
    MAX_POOL("max-pool", Set.of("kernel", "stride", "padding"), false),
    /** The mean of each window, channel by channel; no weights. */
    AVG_POOL("avg-pool", Set.of("kernel", "stride", "padding"), false),
    /** Images to flat rows (channel after channel, each row-major); no weights. Implied before a dense layer. */
    FLATTEN("flatten", Set.of(), false);

    /** The keys every weighted entry may set; left out, each inherits the model-wide value. */
    static final Set<String> SETTINGS = Set.of("activation", "init", "bias-init", "bias", "dropout", "normalizers");

    private final String configName;
    private final Set<String> geometry;
    private final boolean weighted;

    LayerType(String configName, Set<String> geometry, boolean weighted) {
        this.configName = configName;
        this.geometry = geometry;
        this.weighted = weighted;
    }

    /** The name used in configs ({@code type: dense}). */
    public String configName() {
        return configName;
    }

    /** Whether layers of this type have weights, an activation and the per-layer settings. */
    public boolean weighted() {
        return weighted;
    }

    /** Whether the layer slides a window over an image ({@code conv2d} and the pools). */
    public boolean windowed() {
        return this == CONV2D || this == MAX_POOL || this == AVG_POOL;
    }

    /** Whether the layer is a pooling layer. */
    public boolean pooling() {
        return this == MAX_POOL || this == AVG_POOL;
    }

    /** Every key an entry of this type may hold, {@code type} included. */
    Set<String> keys() {
        Set<String> keys = new TreeSet<>(geometry);
        keys.add("type");
        if (weighted) {
            keys.addAll(SETTINGS);
        }
        return keys;
    }

    /** The config names of all types. */
    public static List<String> names() {
        return Arrays.stream(values()).map(LayerType::configName).toList();
    }

    /** The type called {@code name}, or null. */
    public static LayerType byName(String name) {
        return Arrays.stream(values()).filter(t -> t.configName.equals(name)).findFirst().orElse(null);
    }
}
