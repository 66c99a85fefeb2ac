package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

import java.util.Map;

/** The context of {@link Monitor#onEpochStart} and {@link Monitor#onEpochEnd}. */
@StableApi(since = "0.1")
public interface EpochContext extends MonitorContext {

    /** The mean training loss over this epoch's batches; NaN at epoch start. */
    double trainingLoss();

    /**
     * Validation metrics at the end of this epoch ({@code loss}, {@code accuracy} for
     * classification, {@code mse}, {@code mae} for regression); empty at epoch start or without a
     * validation split.
     */
    Map<String, Double> validation();
}
