package io.trainscope.plugins.normalization;

import io.trainscope.api.normalization.Placement;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;

import java.util.Arrays;
import java.util.Locale;

/** The {@code placement} parameter the layer normalizers share: before or after the activation. */
final class Placements {

    /** The declared parameter, default {@code before-activation}. */
    static final ParameterSpec PLACEMENT = ParameterSpec.choice("placement", word(Placement.BEFORE_ACTIVATION),
            Arrays.stream(Placement.values()).map(Placements::word).toList(),
            "where the normalization goes relative to the activation");

    private Placements() {
    }

    /** The placement the parameters choose. */
    static Placement of(Parameters params) {
        String chosen = params.text(PLACEMENT.name());
        return Arrays.stream(Placement.values()).filter(p -> word(p).equals(chosen)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown placement '" + chosen + "'; use "
                        + String.join(", ", PLACEMENT.choices())));
    }

    /** The config word of a placement: {@code BEFORE_ACTIVATION} is "before-activation". */
    static String word(Placement placement) {
        return placement.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
