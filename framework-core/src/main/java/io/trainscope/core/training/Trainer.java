package io.trainscope.core.training;

import io.trainscope.core.TrainscopeException;
import io.trainscope.core.checkpoint.Checkpoint;
import io.trainscope.core.checkpoint.CheckpointStore;
import io.trainscope.core.config.ConfigException;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.config.ExperimentResolver;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.DataPreparer;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.model.NetworkBuilder;
import io.trainscope.core.model.OutputHead;
import io.trainscope.core.plugin.PluginRegistry;
import io.trainscope.core.run.RunFolder;
import io.trainscope.core.run.RunReporter;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Trains experiments: prepares the data, sets a run up ({@link RunFactory}: network, fresh
 * monitors, run folder) and runs it, one run folder per seed; resumes and extends runs from their
 * checkpoints. The entry point for embedding:
 *
 * <pre>{@code
 * Trainscope trainscope = Trainscope.create();
 * TrainingResult result = trainscope.trainer().train(trainscope.resolve(Path.of("my.yaml")), RunOptions.defaults());
 * }</pre>
 *
 * Runs share nothing, so one trainer may train many runs in one JVM, one after another, on data
 * prepared once ({@link #prepare}, then {@link #trainOn} per run).
 */
public final class Trainer {

    private final DataPreparer dataPreparer;
    private final ExperimentResolver resolver;
    private final RunFactory runs;
    private final Backends backends;

    @Inject
    public Trainer(PluginRegistry registry, NetworkBuilder networkBuilder, DataPreparer dataPreparer,
                   ExperimentResolver resolver, Optional<RunReporter> reporter, Set<TrainingBackend> backends) {
        this.dataPreparer = dataPreparer;
        this.resolver = resolver;
        this.backends = new Backends(backends);
        this.runs = new RunFactory(registry, networkBuilder, reporter.orElse(null), this.backends);
    }

    /** Trains with the experiment's first seed. */
    public TrainingResult train(ResolvedExperiment experiment, RunOptions options) {
        backends.of(experiment.spec().training());
        return trainOn(experiment, prepare(experiment, options), options);
    }

    /**
     * Loads, splits, normalizes and encodes the experiment's data for its first seed: what
     * {@link #trainOn} trains on. Separate so that benchmarks and applications can prepare once.
     */
    public PreparedData prepare(ResolvedExperiment experiment, RunOptions options) {
        var spec = experiment.spec();
        DataPreparer.Loaded loaded = dataPreparer.load(experiment.dataSource(), spec.data(), spec.training().seed(),
                options.cacheDirectory());
        long examples = loaded.train().size();
        if (spec.training().batchSize() > examples) {
            throw new ConfigException("training.batch-size", "is " + spec.training().batchSize() + " but the training "
                    + "split holds " + examples + " examples; use at most " + examples + " (one batch of the whole split)");
        }
        OutputHead head = OutputHead.resolve(spec.model().output(), loaded.data().task());
        return dataPreparer.prepare(loaded, head, experiment.normalizers());
    }

    /**
     * How many examples the experiment's training split holds for its first seed (loads the data,
     * through the data sources' cache when {@code options} names one).
     */
    public long trainingExamples(ResolvedExperiment experiment, RunOptions options) {
        var spec = experiment.spec();
        return dataPreparer.load(experiment.dataSource(), spec.data(), spec.training().seed(), options.cacheDirectory())
                .train().size();
    }

    /** Trains on already prepared data (see {@link #prepare}) with the experiment's first seed. */
    public TrainingResult trainOn(ResolvedExperiment experiment, PreparedData data, RunOptions options) {
        return runs.fresh(experiment, data, options).run();
    }

    /** Trains once per seed listed in the config, one run folder each, in order. */
    public List<TrainingResult> trainEverySeed(ResolvedExperiment experiment, RunOptions options) {
        List<TrainingResult> results = new ArrayList<>();
        for (long seed : experiment.spec().training().seeds()) {
            results.add(train(experiment.forSeed(seed), options));
        }
        return results;
    }

    /**
     * Continues a run from its newest checkpoint that loads, in the same folder: the result is
     * identical to a run that was never interrupted (same seed, same thread count).
     */
    public TrainingResult resume(Path runDirectory, RunOptions options) {
        return resume(runDirectory, options, ResumeOptions.NONE);
    }

    /**
     * Continues a run from its newest checkpoint that loads, in the same folder (a run killed before
     * its first checkpoint starts again from the beginning there), optionally to another number of epochs: {@code ResumeOptions.NONE.withEpochs(20)} extends a finished
     * 10-epoch run by ten epochs. A seed in {@code resume} other than the run's is refused.
     *
     * @throws TrainscopeException when the folder has no loadable checkpoint, the run has nothing
     *                             left to train, or {@code resume} asks for something a resume cannot do
     */
    public TrainingResult resume(Path runDirectory, RunOptions options, ResumeOptions resume) {
        return resume(runDirectory, options, resume, experiment -> prepare(experiment, options));
    }

    private static String readConfig(Path config) {
        try {
            return Files.readString(config);
        } catch (IOException e) {
            throw new TrainscopeException("cannot read " + config + ": " + e.getMessage(), e);
        }
    }

    /**
     * Continues a run as {@link #resume(Path, RunOptions, ResumeOptions)} does, on data the caller
     * prepares for the run's experiment (a sweep shares one prepared data set between its runs).
     */
    public TrainingResult resume(Path runDirectory, RunOptions options, ResumeOptions resume,
                                 Function<ResolvedExperiment, PreparedData> data) {
        RunFolder folder = RunFolder.open(runDirectory);
        ResumePlan.removeLeftovers(folder);
        CheckpointStore store = new CheckpointStore(folder.checkpoints());
        Optional<Checkpoint> latest = store.latest();
        ResumePlan plan;
        if (latest.isEmpty() && ResumePlan.killedBeforeFirstCheckpoint(folder, store)) {
            Path config = folder.file(RunFolder.CONFIG);
            plan = ResumePlan.fromStart(folder, resolver.resolve(new ConfigLoader().parse(readConfig(config), folder.id(),
                    config.toString(), runDirectory)), resume);
        } else {
            Checkpoint checkpoint = latest.orElseThrow(() -> new TrainscopeException(
                    "cannot resume " + runDirectory + ": " + (folder.looksLikeARun() ? store.whyNoneLoads()
                            + "; checkpoints are written after every epoch unless training.checkpoints.every-epochs is 0"
                            : "it is not a run folder (no " + RunFolder.RUN + ", no " + RunFolder.CHECKPOINTS
                            + "/); pass a folder that 'trainscope train' wrote")));
            ResolvedExperiment saved = resolver.resolve(new ConfigLoader().parse(checkpoint.config(), folder.id(),
                    checkpoint.file().toString(), runDirectory));
            plan = ResumePlan.of(folder, checkpoint, saved, resume);
        }
        backends.of(plan.experiment().spec().training());
        return runs.resumed(plan, data.apply(plan.experiment()), options).run();
    }
}
