package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one shared set of sampling parameters: every monitor that samples takes {@value #EVERY}
 * and {@value #EVERY_EPOCHS} with the same names, meanings and ranges (only the defaults differ),
 * and turns them into its {@link Sampling} the same way. A monitor keeps one instance as a
 * constant, lists {@link #specs()} among its parameters, and returns {@link #sampling(Parameters)}
 * from {@link Monitor#sampling(Parameters)}:
 *
 * <pre>{@code
 * static final SamplingParameters SAMPLING = SamplingParameters.iterations(10, 0, View.GRADIENTS);
 *
 * public List<ParameterSpec> parameters() { return SAMPLING.plus(VANISHING, EXPLODING); }
 * public Sampling sampling(Parameters params) { return SAMPLING.sampling(params); }
 * }</pre>
 *
 * <table>
 *   <caption>The parameters</caption>
 *   <tr><th>name</th><th>monitors reading per-iteration views</th><th>monitors reading full passes</th></tr>
 *   <tr><td>{@value #EVERY}</td><td>integer &gt;= 0: views on every N-th iteration; 0: none
 *       (iteration 0 is always sampled)</td><td>not declared</td></tr>
 *   <tr><td>{@value #EVERY_EPOCHS}</td><td>integer &gt;= 0: views on the first iteration of every
 *       k-th epoch; 0: none</td><td>integer &gt;= 1: a pass at training start and after every k-th
 *       epoch</td></tr>
 * </table>
 * In both columns {@value #EVERY_EPOCHS} k looks at the network at training start and each time
 * k more epochs have completed.
 */
@StableApi(since = "0.1")
public final class SamplingParameters {

    /** Iterations between samples. */
    public static final String EVERY = "every";
    /** Epochs between samples (or full passes). */
    public static final String EVERY_EPOCHS = "every-epochs";

    private final Set<View> views;
    private final List<ParameterSpec> specs;

    private SamplingParameters(Set<View> views, List<ParameterSpec> specs) {
        this.views = views;
        this.specs = List.copyOf(specs);
    }

    /**
     * Sampling of per-iteration views, with these defaults.
     *
     * @param every       default of {@value #EVERY}
     * @param everyEpochs default of {@value #EVERY_EPOCHS}
     * @param view        a view wanted on sampled iterations
     * @param more        further views
     */
    public static SamplingParameters iterations(int every, int everyEpochs, View view, View... more) {
        return new SamplingParameters(EnumSet.of(view, more), List.of(
                ParameterSpec.integer(EVERY, every,
                        "sample every N iterations; 0: none (iteration 0 is always sampled)").atLeast(0),
                ParameterSpec.integer(EVERY_EPOCHS, everyEpochs,
                        "also sample the first iteration of every k-th epoch; 0: none").atLeast(0)));
    }

    /** Full passes over the training set, every {@code everyEpochs} epochs by default. */
    public static SamplingParameters datasetPass(int everyEpochs) {
        return new SamplingParameters(Set.of(), List.of(ParameterSpec.integer(EVERY_EPOCHS, everyEpochs,
                "a full pass over the training set at training start and after every k-th epoch").atLeast(1)));
    }

    /** The parameters to declare, in order. */
    public List<ParameterSpec> specs() {
        return specs;
    }

    /** The sampling parameters followed by the monitor's own: what {@link Monitor#parameters()} returns. */
    public List<ParameterSpec> plus(ParameterSpec... own) {
        List<ParameterSpec> all = new ArrayList<>(specs);
        all.addAll(List.of(own));
        return List.copyOf(all);
    }

    /** The views sampled iterations deliver; empty for full passes. */
    public Set<View> views() {
        return views;
    }

    /** The schedule these parameters ask for, from a monitor's resolved parameters. */
    public Sampling sampling(Parameters params) {
        if (views.isEmpty()) {
            return Sampling.none().withDatasetPass(params.integer(EVERY_EPOCHS));
        }
        return new Sampling(views, params.integer(EVERY), params.integer(EVERY_EPOCHS), false, 0);
    }
}
