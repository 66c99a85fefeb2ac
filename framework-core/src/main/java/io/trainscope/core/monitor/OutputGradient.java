package io.trainscope.core.monitor;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import java.util.function.Supplier;

/**
 * Derives gradients with respect to pre-activations where no layer hands them over, with every
 * temporary in a scratch workspace (reused from call to call, so nothing piles up off-heap) and the
 * result written into the caller's reused buffer.
 */
public final class OutputGradient {

    private static final WorkspaceConfiguration SCRATCH = WorkspaceConfiguration.builder()
            .policyAllocation(AllocationPolicy.OVERALLOCATE).policyLearning(LearningPolicy.FIRST_LOOP).build();
    private static final String SCRATCH_ID = "TRAINSCOPE_DERIVED_GRADIENTS";

    private OutputGradient() {
    }

    /**
     * An output layer's {@code dL/dz} into {@code out}, as DL4J's {@code BaseOutputLayer} computes its
     * delta ({@code loss.computeGradient(labels, z, activation, mask)}: the gradient of the loss summed
     * over the batch), times {@code scale}. {@code z} is not modified.
     */
    public static void ofLoss(INDArray out, ILossFunction loss, IActivation activation, INDArray labels, INDArray z,
                              INDArray mask, double scale) {
        scratch(out, scale, () -> loss.computeGradient(labels.castTo(z.dataType()), z.dup(), activation, mask));
    }

    /** Runs {@code compute} in the scratch workspace and writes its result, times {@code scale}, into {@code out}. */
    public static void scratch(INDArray out, double scale, Supplier<INDArray> compute) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(SCRATCH, SCRATCH_ID)) {
            INDArray g = compute.get();
            out.assign(g);
            if (scale != 1.0) {
                out.muli(scale);
            }
        }
    }
}
