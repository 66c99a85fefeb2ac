package io.trainscope.cli;

import io.trainscope.core.training.TrainingProgress;
import io.trainscope.core.training.TrainingResult;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Shows training progress: a progress bar per epoch (batches, loss, throughput, ETA) on a
 * terminal, one log line per epoch otherwise (CI, pipes).
 */
final class ConsoleProgress implements TrainingProgress {

    private static final Logger log = LoggerFactory.getLogger(ConsoleProgress.class);

    private final boolean interactive;
    private ProgressBar bar;
    private String runId;
    private int epochs;
    private long examples;

    private ConsoleProgress(boolean interactive) {
        this.interactive = interactive;
    }

    /** A progress bar when standard output is a terminal, log lines otherwise. */
    static ConsoleProgress forTerminal() {
        return new ConsoleProgress(System.console() != null);
    }

    @Override
    public void runStarted(String runId, long seed, int epochs, int batchesPerEpoch) {
        this.runId = runId;
        this.epochs = epochs;
        log.info("run {} (seed {}): {} epochs of {} batches", runId, seed, epochs, batchesPerEpoch);
    }

    @Override
    public void epochStarted(int epoch, int batches) {
        examples = 0;
        if (interactive) {
            bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, epochs))
                    .setInitialMax(batches).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .setUnit(" batches", 1).build();
        }
    }

    @Override
    public void batchDone(int epoch, int batch, double loss, int examples) {
        this.examples += examples;
        if (bar != null) {
            double seconds = Math.max(1e-9, bar.getElapsedAfterStart().toNanos() / 1e9);
            bar.step();
            bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f, %.0f ex/s", loss, this.examples / seconds));
        }
    }

    @Override
    public void epochEnded(int epoch, double trainingLoss, Map<String, Double> validation, double seconds) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        String val = validation.isEmpty() ? "" : ", validation " + validation.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        log.info(String.format(Locale.ROOT, "epoch %d/%d: training loss %.4f%s (%.1f s, %.0f examples/s)", epoch + 1,
                epochs, trainingLoss, val, seconds, examples / Math.max(1e-9, seconds)));
    }

    @Override
    public void runEnded(TrainingResult result) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        log.debug("run {} ended: {}", runId, result.outcome());
    }
}
