package io.trainscope.core.run;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends measurements to {@code metrics.jsonl}, one JSON object per line, through a buffer that
 * is flushed at every epoch end and on close: a crash loses at most the measurements of the
 * epoch in progress, and only the last line can be cut short (readers skip it). Non-finite values
 * are written as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 *
 * <p>A write that fails (a full disk) is not thrown from {@link #accept}, which monitors reach
 * through their callbacks: the writer drops every later measurement, and the next {@link #flush}
 * (at the epoch end) or {@link #close} throws an {@link OutputException} naming the file, once.
 */
public final class JsonlMeasurementWriter implements MeasurementSink {

    private final Path file;
    private final OutputStream out;
    private final JsonGenerator json;
    private IOException failure;
    private boolean thrown;

    /** Opens {@code file} for appending, creating it if needed. */
    public JsonlMeasurementWriter(Path file) {
        this.file = file;
        try {
            this.out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND), 1 << 16);
            this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            json.setRootValueSeparator(null);
            json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            json.enable(JsonGenerator.Feature.USE_FAST_DOUBLE_WRITER);
        } catch (IOException e) {
            throw OutputException.cannotWrite(file, e);
        }
    }

    @Override
    public synchronized void accept(Measurement m) {
        if (failure != null) {
            return;
        }
        try {
            json.writeStartObject();
            json.writeStringField("run", m.run());
            json.writeNumberField("iteration", m.iteration());
            json.writeNumberField("epoch", m.epoch());
            json.writeStringField("monitor", m.monitor());
            if (m.layer() != null) {
                json.writeNumberField("layer", m.layer());
                json.writeStringField("layer_name", m.layerName());
            }
            json.writeStringField("metric", m.metric().name());
            json.writeStringField("unit", m.metric().unit());
            if (m.isHistogram()) {
                json.writeObjectFieldStart("histogram");
                json.writeFieldName("edges");
                json.writeArray(m.histogram().edges(), 0, m.histogram().edges().length);
                json.writeFieldName("counts");
                json.writeArray(m.histogram().counts(), 0, m.histogram().counts().length);
                json.writeEndObject();
            } else {
                json.writeNumberField("value", m.value());
            }
            json.writeEndObject();
            json.flush();
            CrashPoint.reach("metrics-line", out::flush);
            out.write('\n');
        } catch (IOException e) {
            failure = e;
        }
    }

    /** @throws OutputException when a write failed, now or since the last flush (once: later calls drop quietly) */
    @Override
    public synchronized void flush() {
        if (failure == null) {
            try {
                json.flush();
                out.flush();
            } catch (IOException e) {
                failure = e;
            }
        }
        throwOnce();
    }

    /** Closes the file; throws as {@link #flush} does. */
    @Override
    public synchronized void close() {
        try {
            json.close();
            out.close();
        } catch (IOException e) {
            failure = failure == null ? e : failure;
        }
        throwOnce();
    }

    private void throwOnce() {
        if (failure != null && !thrown) {
            thrown = true;
            throw OutputException.cannotWrite(file, failure);
        }
    }
}
