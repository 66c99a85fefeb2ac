package io.trainscope.core.sweep;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A config's sweep, expanded and resolved: every run it will train, each already checked against
 * the plugins. Nothing has been loaded or trained yet.
 *
 * @param name      the config's name (the sweep folder's name starts with it)
 * @param origin    where the config came from, for messages and {@code sweep.md}
 * @param directory the directory the config's relative paths resolve against
 * @param text      the config text as written, sweep section included (kept in the sweep folder)
 * @param overrides values set over the config before expansion ({@code training.epochs} from the
 *                  command line), by config path; plain values as a YAML parser gives them
 * @param axes      the swept paths and their values, in the config's order
 * @param runs      the runs, in the order they train
 */
public record SweepPlan(String name, String origin, Path directory, String text, Map<String, Object> overrides,
                        List<SweepAxis> axes, List<PlannedRun> runs) {

    public SweepPlan {
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        axes = List.copyOf(axes);
        runs = List.copyOf(runs);
    }
}
