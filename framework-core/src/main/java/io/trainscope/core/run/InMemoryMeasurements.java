package io.trainscope.core.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** A sink that keeps every measurement in memory, for tests, summaries and embedding applications. */
public final class InMemoryMeasurements implements MeasurementSink {

    private final List<Measurement> measurements = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void accept(Measurement measurement) {
        measurements.add(measurement);
    }

    /** Everything recorded so far, in order. */
    public List<Measurement> all() {
        synchronized (measurements) {
            return List.copyOf(measurements);
        }
    }

    /** The measurements of one metric, in order. */
    public List<Measurement> metric(String name) {
        return stream().filter(m -> m.metric().name().equals(name)).toList();
    }

    /** The scalar value of {@code metric} at {@code iteration} for {@code layer} (null for network-wide), or NaN. */
    public double value(String metric, long iteration, Integer layer) {
        return stream().filter(m -> m.metric().name().equals(metric) && m.iteration() == iteration
                        && Objects.equals(m.layer(), layer))
                .mapToDouble(Measurement::value).findFirst().orElse(Double.NaN);
    }

    private Stream<Measurement> stream() {
        return all().stream();
    }
}
