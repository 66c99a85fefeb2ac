package io.trainscope.core.training;

import io.trainscope.api.monitor.TrainingEndContext.Outcome;
import io.trainscope.core.Trainscope;

import java.nio.file.Path;

/**
 * The JVM of {@link LongRunMemoryTest}: trains one config into a run folder, as
 * {@code trainscope train} does (checkpoints, {@code metrics.jsonl}), and exits 0 when the run
 * completed. Arguments: the config file and the output root.
 */
public final class LongRunChild {

    private LongRunChild() {
    }

    public static void main(String[] args) {
        Trainscope trainscope = Trainscope.create();
        RunOptions options = RunOptions.defaults().withOutputRoot(Path.of(args[1])).withReport(false);
        TrainingResult result = trainscope.trainer().train(trainscope.resolve(Path.of(args[0])), options);
        System.out.println(result.directory());
        System.exit(result.outcome() == Outcome.COMPLETED ? 0 : 1);
    }
}
