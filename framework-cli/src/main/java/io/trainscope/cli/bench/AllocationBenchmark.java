package io.trainscope.cli.bench;

import io.trainscope.core.config.ExperimentResolver;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.EpochBatches;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.model.NetworkBuilder;
import io.trainscope.core.perf.BufferCreations;
import io.trainscope.core.run.Measurement;
import io.trainscope.core.run.MeasurementSink;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.Trainer;
import io.trainscope.core.training.TrainerMetrics;
import jakarta.inject.Inject;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;

/**
 * ND4J data buffers created per training iteration on the training thread, for every variant of
 * the throughput table: outside workspaces (a native allocation and a free each) and in
 * workspaces (none once the workspace has its size). Counted, not timed, so the figures do not
 * depend on the machine's load; the iterations after {@code warmup} count ({@link BufferCreations}).
 */
public final class AllocationBenchmark {

    /** Buffers per iteration of one variant. */
    public record Row(String name, double outsideWorkspaces, double outsideBytes, double inWorkspaces) {
    }

    private final Trainer trainer;
    private final NetworkBuilder builder;
    private final ExperimentResolver resolver;
    private final ThroughputBenchmark throughput;

    @Inject
    public AllocationBenchmark(Trainer trainer, NetworkBuilder builder, ExperimentResolver resolver,
                               ThroughputBenchmark throughput) {
        this.trainer = trainer;
        this.builder = builder;
        this.resolver = resolver;
        this.throughput = throughput;
    }

    /** Counts {@code iterations} iterations after {@code warmup} of every variant. */
    public List<Row> run(ResolvedExperiment experiment, int warmup, int iterations) {
        int batch = experiment.spec().training().batchSize();
        PreparedData data = ThroughputBenchmark.tiled(trainer.prepare(experiment, RunOptions.inMemory(null)),
                (warmup + iterations) * batch);
        List<Row> rows = new ArrayList<>();
        for (BenchVariant v : throughput.variants()) {
            try (BufferCreations count = BufferCreations.open()) {
                Window window = new Window(warmup, warmup + iterations, count);
                if (v.bare()) {
                    bare(v, experiment, data, window);
                } else {
                    var spec = experiment.spec().withMonitors(v.monitors());
                    trainer.trainOn(resolver.resolve(spec.withTraining(spec.training().withEpochs(1))), data,
                            RunOptions.inMemory(window));
                }
                double n = iterations;
                rows.add(new Row(v.name(), window.outside / n, window.bytes / n, window.inWorkspaces / n));
            }
        }
        return rows;
    }

    private void bare(BenchVariant v, ResolvedExperiment experiment, PreparedData data, Window window) {
        long seed = experiment.spec().training().seed();
        MultiLayerNetwork net = builder.build(experiment, data.inputs(), data.head(), seed,
                experiment.optimizer().create(experiment.optimizerParams(), null), v.dense()).network();
        List<DataSet> batches = new ArrayList<>();
        new EpochBatches(data.train(), experiment.spec().training().batchSize(), seed, 0, true)
                .forEachRemaining(batches::add);
        for (DataSet b : batches) {
            net.fit(b);
            window.iterationDone();
        }
    }

    /**
     * The counts of iterations {@code from} to {@code to} (from 0, {@code to} exclusive): the trainer
     * records each loss right after its {@code fit}, so the epoch's end (validation, the dataset
     * pass) falls outside.
     */
    private static final class Window implements MeasurementSink {
        private final int from;
        private final int to;
        private final BufferCreations count;
        private int done;
        long outside;
        long bytes;
        long inWorkspaces;

        Window(int from, int to, BufferCreations count) {
            this.from = from;
            this.to = to;
            this.count = count;
        }

        @Override
        public void accept(Measurement m) {
            if (m.monitor().equals(TrainerMetrics.SOURCE) && m.metric().equals(TrainerMetrics.LOSS)) {
                iterationDone();
            }
        }

        void iterationDone() {
            done++;
            if (done == from) {
                count.reset();
            } else if (done == to) {
                outside = count.outsideWorkspaces();
                bytes = count.outsideWorkspacesBytes();
                inWorkspaces = count.inWorkspaces();
            }
        }
    }
}
