package io.trainscope.core.crash;

import io.trainscope.api.monitor.TrainingEndContext.Outcome;
import io.trainscope.core.Trainscope;
import io.trainscope.core.sweep.SweepListener;
import io.trainscope.core.sweep.SweepResult;
import io.trainscope.core.sweep.Sweeps;
import io.trainscope.core.training.ResumeOptions;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.TrainingResult;

import java.nio.file.Path;
import java.util.Map;

/**
 * The training JVM of {@link CrashResumeTest}: {@code train CONFIG ROOT}, {@code resume RUN_DIR},
 * {@code sweep CONFIG ROOT} or {@code resume-sweep SWEEP_DIR}, as {@code trainscope train} does
 * them (checkpoints, {@code metrics.jsonl}, no report). Exits 0 when the run (every run of a
 * sweep) completed; a crash point ({@code -Dtrainscope.test.hold}) may hold it until it is killed.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) {
        Trainscope trainscope = Trainscope.create();
        RunOptions options = RunOptions.defaults().withReport(false);
        boolean completed = switch (args[0]) {
            case "train" -> completed(trainscope.trainer().train(trainscope.resolve(Path.of(args[1])),
                    options.withOutputRoot(Path.of(args[2]))));
            case "resume" -> completed(trainscope.trainer().resume(Path.of(args[1]), options, ResumeOptions.NONE));
            case "sweep" -> completed(trainscope.get(Sweeps.class).run(trainscope.get(Sweeps.class)
                    .plan(Path.of(args[1]), Map.of()).orElseThrow(), options.withOutputRoot(Path.of(args[2])),
                    SweepListener.NONE));
            case "resume-sweep" -> completed(trainscope.get(Sweeps.class).resume(Path.of(args[1]), options,
                    SweepListener.NONE));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        };
        System.exit(completed ? 0 : 1);
    }

    private static boolean completed(TrainingResult result) {
        System.out.println("outcome " + result.outcome() + " " + result.reason() + " after " + result.iterations()
                + " iterations");
        return result.outcome() == Outcome.COMPLETED;
    }

    private static boolean completed(SweepResult result) {
        return !result.anyFailed();
    }
}
