package io.trainscope.core.training;

/**
 * What a caller may ask of a resumed run beyond "continue where the checkpoint left off".
 *
 * @param epochs a new total number of epochs, or null to keep the config's. More than the
 *               checkpoint's completed epochs: extends a finished run or changes the plan of an
 *               interrupted one (the run folder's {@code config.yaml} and later checkpoints carry it)
 * @param seed   the seed the caller expects, or null. A resumed run keeps its own seed: any other
 *               value is refused with a message, never silently ignored
 */
public record ResumeOptions(Integer epochs, Long seed) {

    /** Continue with the run's own config. */
    public static final ResumeOptions NONE = new ResumeOptions(null, null);

    /** A copy that trains to {@code epochs} epochs in total. */
    public ResumeOptions withEpochs(int epochs) {
        return new ResumeOptions(epochs, seed);
    }

    /** A copy that insists on {@code seed}. */
    public ResumeOptions withSeed(long seed) {
        return new ResumeOptions(epochs, seed);
    }
}
