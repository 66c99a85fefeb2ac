package io.trainscope.core.checkpoint;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;

/**
 * A saved training state: the network's parameters (BatchNorm statistics included), the
 * optimizer's state, the resolved config and the {@link TrainingState}.
 *
 * @param state        counters, RNG, early-stopping and data-order state
 * @param params       the flattened parameters
 * @param updaterState the flattened optimizer state, or null for stateless optimizers (plain SGD)
 * @param config       the resolved config (YAML) of the run
 * @param file         where it was read from or written to, or null
 */
public record Checkpoint(TrainingState state, INDArray params, INDArray updaterState, String config, Path file) {

    /**
     * Puts {@code net} where this checkpoint left it: parameters, optimizer state, iteration and
     * epoch counters, and ND4J's random generator state.
     *
     * @throws CheckpointException when the network has another number of parameters or optimizer state
     */
    public void restoreInto(MultiLayerNetwork net) {
        if (net.numParams() != params.length()) {
            throw new CheckpointException("checkpoint " + file + " holds " + params.length() + " parameters but the network "
                    + "built from its config has " + net.numParams());
        }
        net.setParams(params);
        if (updaterState != null) {
            var updater = net.getUpdater(true);
            if (updater.getStateViewArray() == null || updater.getStateViewArray().length() != updaterState.length()) {
                throw new CheckpointException("checkpoint " + file + " holds optimizer state of another size than the "
                        + "network's optimizer uses");
            }
            updater.setStateViewArray(net, updaterState, false);
        }
        net.setIterationCount((int) state.iteration());
        net.setEpochCount(state.epochsCompleted());
        Nd4j.getRandom().setStates(state.rngRootState(), state.rngNodeState());
    }
}
