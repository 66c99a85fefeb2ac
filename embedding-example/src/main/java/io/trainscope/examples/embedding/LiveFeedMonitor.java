package io.trainscope.examples.embedding;

import io.trainscope.api.monitor.EpochContext;
import io.trainscope.api.monitor.Monitor;
import jakarta.inject.Inject;

/**
 * A monitor that belongs to the application ({@code live-feed}): at the end of every epoch it
 * pushes the epoch's training loss and validation metrics to the application's {@link LiveFeed}.
 * It is not registered through {@code META-INF/services}: {@link ApplicationModule} binds it into
 * Guice, which creates a fresh instance per run and injects the application's feed, so configs and
 * instrumented networks of this application name it like any monitor.
 */
public final class LiveFeedMonitor implements Monitor {

    static final String NAME = "live-feed";

    private final LiveFeed feed;

    @Inject
    public LiveFeedMonitor(LiveFeed feed) {
        this.feed = feed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pushes each epoch's training loss and validation metrics to the application's live feed";
    }

    @Override
    public void onEpochEnd(EpochContext ctx) {
        feed.publish(new LiveFeed.EpochReport(ctx.run().name(), ctx.epoch(), ctx.trainingLoss(), ctx.validation()));
    }
}
