package io.trainscope.api.plugin;

import io.trainscope.api.StableApi;

import java.util.List;

/**
 * The common root of every plugin family: a stable name, a one-line description and the
 * parameters the plugin accepts.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #name()} is lower-case and hyphenated ({@code he-normal}, {@code dead-neurons}),
 *       unique within its family and never changes between releases: configs refer to it.</li>
 *   <li>Implementations have a public no-argument constructor (they are created by
 *       {@link java.util.ServiceLoader}) and do no work in it: discovery has no side effects.</li>
 *   <li>Parameter values reach the plugin as a {@link Parameters} object that the core has
 *       already checked against {@link #parameters()}: types, ranges and choices are enforced
 *       before the plugin sees them.</li>
 * </ul>
 */
@StableApi(since = "0.1")
public interface Plugin {

    /** The stable, lower-case, hyphenated name used in configs and on the command line. */
    String name();

    /** One line saying what the plugin does, shown by {@code trainscope plugins}. */
    String description();

    /** The parameters this plugin accepts, with their defaults and allowed values; empty if none. */
    default List<ParameterSpec> parameters() {
        return List.of();
    }

    /**
     * Checks rules that involve several parameters at once (for example {@code low < high}).
     * Single-parameter ranges belong in {@link #parameters()}, not here.
     *
     * @param params the resolved parameters, never null
     * @throws ParameterException naming the offending parameter when the combination is invalid
     */
    default void validate(Parameters params) {
    }
}
