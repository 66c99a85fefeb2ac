package io.trainscope.examples.embedding;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.OptionalBinder;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.core.run.RunReporter;

/**
 * The application's Guice module, given to {@code Trainscope.create(Module...)}: it overrides one
 * binding of trainscope's (the run reporter: {@link SummaryReporter} instead of whatever report
 * writer the classpath offers) and adds one monitor of its own ({@link LiveFeedMonitor}, named
 * {@code live-feed}) to the monitors trainscope discovered, wired to the application's {@link LiveFeed}.
 */
public final class ApplicationModule extends AbstractModule {

    private final LiveFeed feed;

    public ApplicationModule(LiveFeed feed) {
        this.feed = feed;
    }

    @Override
    protected void configure() {
        bind(LiveFeed.class).toInstance(feed);
        OptionalBinder.newOptionalBinder(binder(), RunReporter.class).setBinding().to(SummaryReporter.class);
        MapBinder.newMapBinder(binder(), String.class, Monitor.class).addBinding(LiveFeedMonitor.NAME).to(LiveFeedMonitor.class);
    }
}
