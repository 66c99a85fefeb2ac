package io.trainscope.core.config;

/**
 * Which checkpoints a run keeps in its {@code checkpoints/} folder.
 *
 * @param everyEpochs     write one after every k-th epoch; 0 writes none (with early stopping the best
 *                        model is still kept, in {@code best.zip})
 * @param keepLast        how many of the most recent to keep, >= 1
 * @param everyIterations also write one whenever the run's iteration count reaches a multiple of n,
 *                        inside an epoch if need be; 0 for none
 */
public record CheckpointSpec(int everyEpochs, int keepLast, int everyIterations) {

    /** After every epoch, keep the last 3. */
    public static final CheckpointSpec DEFAULT = new CheckpointSpec(1, 3, 0);

    /** Checkpoints after epochs only. */
    public CheckpointSpec(int everyEpochs, int keepLast) {
        this(everyEpochs, keepLast, 0);
    }
}
