package io.trainscope.examples.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The application's own channel for training progress: a queue that {@link LiveFeedMonitor}
 * fills on the training thread and any thread of the application drains (a dashboard, a job
 * scheduler). Nothing of trainscope is in its API.
 */
public final class LiveFeed {

    /**
     * One epoch of one run, as the application sees it.
     *
     * @param run          the run's name: the experiment's, or the one an instrumented network was given
     * @param epoch        the epoch, from 0
     * @param trainingLoss the mean training loss of the epoch
     * @param validation   validation metrics by name ({@code accuracy}, {@code loss}); empty without a validation split
     */
    public record EpochReport(String run, int epoch, double trainingLoss, Map<String, Double> validation) {
    }

    private final BlockingQueue<EpochReport> queue = new LinkedBlockingQueue<>();

    /** Called by the monitor on the training thread; never blocks. */
    void publish(EpochReport report) {
        queue.add(report);
    }

    /** Takes every report published so far, oldest first. */
    public List<EpochReport> drain() {
        List<EpochReport> reports = new ArrayList<>();
        queue.drainTo(reports);
        return reports;
    }
}
