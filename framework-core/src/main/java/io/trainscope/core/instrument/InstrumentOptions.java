package io.trainscope.core.instrument;

import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.config.PluginRef;
import io.trainscope.core.run.MeasurementSink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to instrument a network an application built: where the run folder goes, which monitors
 * watch it (names and parameters, checked exactly as a config's {@code monitors:} section), an
 * extra measurement sink, and whether closing the run writes its report. Immutable: every method
 * returns a changed copy.
 *
 * <pre>{@code
 * InstrumentOptions options = InstrumentOptions.defaults()
 *         .root(Path.of("runs")).name("lenet")
 *         .monitors("gradient-norms", "saturation", "non-finite")
 *         .monitor("histograms", Map.of("every-epochs", 1));
 * }</pre>
 */
public final class InstrumentOptions {

    private final Path root;
    private final String name;
    private final List<PluginRef> monitors;
    private final MeasurementSink extraSink;
    private final boolean report;

    private InstrumentOptions(Path root, String name, List<PluginRef> monitors, MeasurementSink extraSink,
                              boolean report) {
        this.root = root;
        this.name = Objects.requireNonNull(name, "name");
        this.monitors = List.copyOf(monitors);
        this.extraSink = extraSink;
        this.report = report;
    }

    /**
     * A run folder {@code runs/instrumented-<yyyyMMdd-HHmmss>/} in the working directory, the
     * default monitors of a config ({@link ConfigLoader#defaultMonitors()}), a report on close.
     */
    public static InstrumentOptions defaults() {
        return new InstrumentOptions(Path.of("runs"), "instrumented",
                ConfigLoader.defaultMonitors(), null, true);
    }

    /** No run folder: measurements go only to {@code sink} (may be null), findings only to the handle. */
    public static InstrumentOptions inMemory(MeasurementSink sink) {
        return defaults().root(null).extraSink(sink);
    }

    /** Run folders go under {@code root}; null writes no file. */
    public InstrumentOptions root(Path root) {
        return new InstrumentOptions(root, name, monitors, extraSink, report);
    }

    /** The run's name: its folder is {@code <name>-<yyyyMMdd-HHmmss>}; letters, digits, '.', '_' or '-'. */
    public InstrumentOptions name(String name) {
        return new InstrumentOptions(root, name, monitors, extraSink, report);
    }

    /** These monitors, with their default parameters, instead of the ones set so far; {@code monitors(List.of())} for none. */
    public InstrumentOptions monitors(String... names) {
        return new InstrumentOptions(root, name, List.of(names).stream().map(PluginRef::of).toList(), extraSink, report);
    }

    /** These monitors with their parameters, as a config's {@code monitors:} list holds them. */
    public InstrumentOptions monitors(List<PluginRef> monitors) {
        return new InstrumentOptions(root, name, monitors, extraSink, report);
    }

    /** Adds a monitor with parameters, as a config's {@code {name: histograms, every: 20}} entry. */
    public InstrumentOptions monitor(String monitor, Map<String, ?> parameters) {
        List<PluginRef> more = new ArrayList<>(monitors);
        more.add(PluginRef.of(monitor, parameters));
        return new InstrumentOptions(root, name, more, extraSink, report);
    }

    /** Also sends every measurement to {@code sink} (null for none). */
    public InstrumentOptions extraSink(MeasurementSink sink) {
        return new InstrumentOptions(root, name, monitors, sink, report);
    }

    /** Whether closing the run writes {@code report.html} (when the report module is on the classpath). */
    public InstrumentOptions report(boolean report) {
        return new InstrumentOptions(root, name, monitors, extraSink, report);
    }

    public Path root() {
        return root;
    }

    public String name() {
        return name;
    }

    public List<PluginRef> monitors() {
        return monitors;
    }

    public MeasurementSink extraSink() {
        return extraSink;
    }

    public boolean report() {
        return report;
    }
}
