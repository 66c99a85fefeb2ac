package io.trainscope.core.checkpoint;

import org.nd4j.linalg.api.ndarray.INDArray;

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
}
