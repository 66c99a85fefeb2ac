package io.trainscope.core.training.optim;

import io.trainscope.api.plugin.ParameterSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A fixed choice a config names in lower case, with declared parameters: the optimizers and the
 * learning-rate schedules. Implemented by enums.
 */
public interface ConfigChoice {

    /** One line for listings. */
    String description();

    /** The parameters this choice accepts. */
    List<ParameterSpec> parameters();

    /** The name used in configs: the constant's name in lower case. */
    default String configName() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** The config names of every constant of {@code type}. */
    static <E extends Enum<E> & ConfigChoice> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigChoice::configName).toList();
    }

    /** The constant of {@code type} whose config name is {@code name}, or null. */
    static <E extends Enum<E> & ConfigChoice> E byName(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.configName().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
