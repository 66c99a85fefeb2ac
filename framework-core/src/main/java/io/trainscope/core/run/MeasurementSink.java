package io.trainscope.core.run;

/** Where measurements go: the run's {@code metrics.jsonl}, memory (tests, reports), or both. */
public interface MeasurementSink extends AutoCloseable {

    /** Accepts one measurement; cheap, buffered. */
    void accept(Measurement measurement);

    /** Makes everything accepted so far durable (called at every epoch end). */
    default void flush() {
    }

    /** Flushes and releases resources. */
    @Override
    default void close() {
        flush();
    }

    /** A sink that sends every measurement to both {@code a} and {@code b}. */
    static MeasurementSink both(MeasurementSink a, MeasurementSink b) {
        return new MeasurementSink() {
            @Override
            public void accept(Measurement m) {
                a.accept(m);
                b.accept(m);
            }

            @Override
            public void flush() {
                a.flush();
                b.flush();
            }

            @Override
            public void close() {
                try {
                    a.close();
                } finally {
                    b.close();
                }
            }
        };
    }
}
