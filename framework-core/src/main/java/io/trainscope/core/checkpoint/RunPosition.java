package io.trainscope.core.checkpoint;

/**
 * Where a run is in its epochs: at an epoch boundary ({@code batchInEpoch == 0}) or inside an
 * epoch, with the running sums of the epoch in progress (so its mean training loss comes out the
 * same after a resume).
 *
 * @param epochsCompleted epochs finished
 * @param batchInEpoch    batches of epoch {@code epochsCompleted} already trained (0 at a boundary)
 * @param epochLossSum    sum of batch loss x batch size over those batches
 * @param epochExamples   examples in those batches
 */
public record RunPosition(int epochsCompleted, int batchInEpoch, double epochLossSum, long epochExamples) {

    /** The start of a fresh run. */
    public static final RunPosition START = new RunPosition(0, 0, 0, 0);

    /** The boundary after {@code epochsCompleted} epochs. */
    public static RunPosition afterEpoch(int epochsCompleted) {
        return new RunPosition(epochsCompleted, 0, 0, 0);
    }

    /** Whether this position is inside an epoch rather than at a boundary. */
    public boolean insideEpoch() {
        return batchInEpoch > 0;
    }
}
