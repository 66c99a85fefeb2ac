package io.trainscope.core.config;

/**
 * Which checkpoints a run keeps in its {@code checkpoints/} folder.
 *
 * @param everyEpochs write one after every k-th epoch; 0 writes none (with early stopping the best
 *                    model is still kept, in {@code best.zip})
 * @param keepLast    how many of the most recent to keep, >= 1
 */
public record CheckpointSpec(int everyEpochs, int keepLast) {

    /** After every epoch, keep the last 3. */
    public static final CheckpointSpec DEFAULT = new CheckpointSpec(1, 3);
}
