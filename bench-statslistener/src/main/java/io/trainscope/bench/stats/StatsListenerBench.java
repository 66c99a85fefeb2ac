package io.trainscope.bench.stats;

import io.trainscope.cli.bench.InstrumentBenchmark;
import io.trainscope.cli.bench.ThroughputBenchmark;
import io.trainscope.core.Trainscope;
import io.trainscope.core.config.ResolvedExperiment;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * DL4J's {@code StatsListener} at its defaults (statistics after every iteration into an in-memory
 * store, as the UI server would receive them) against trainscope's instrumentation, on the
 * benchmark config's network written with DL4J's builders and trained with DL4J's fit, in the same
 * rounds: {@code trainscope bench}'s instrumented-user-network rows plus one.
 *
 * <pre>{@code
 * mvn -B -q -Pstats-listener -DskipTests package -pl bench-statslistener -am
 * java -cp "$(cat bench-statslistener/target/bench.classpath):bench-statslistener/target/classes" \
 *     io.trainscope.bench.stats.StatsListenerBench examples/configs/bench-mlp-synthetic.yaml 5 20 60
 * }</pre>
 * Arguments: the config, then rounds, warm-up and timed iterations (defaults 5, 20, 60).
 */
public final class StatsListenerBench {

    /** The row of DL4J's listener. */
    public static final String STATS_LISTENER = "user network, dl4j StatsListener (defaults)";

    private StatsListenerBench() {
    }

    /** The extra variant: a {@code StatsListener} into an in-memory store, removed when training ends. */
    public static InstrumentBenchmark.Variant statsListener() {
        return new InstrumentBenchmark.Variant(STATS_LISTENER, net -> {
            InMemoryStatsStorage storage = new InMemoryStatsStorage();
            net.addListeners(new StatsListener(storage));
            return () -> {
                net.setListeners(List.of());
                storage.close();
            };
        });
    }

    /** Runs the comparison and prints the table; returns its rows. */
    public static List<ThroughputBenchmark.VariantResult> run(Path config, ThroughputBenchmark.Options options,
                                                              PrintWriter out) {
        Trainscope trainscope = Trainscope.create();
        ResolvedExperiment experiment = trainscope.resolve(config);
        var results = trainscope.get(InstrumentBenchmark.class).run(experiment, options, List.of(statsListener()), out);
        out.printf(Locale.ROOT, "%n%-44s %10s %21s %11s %11s%n", "listeners on the same user network", "samples/s",
                "(min-max)", "vs dl4j fit", "vs no mon.");
        for (var r : results) {
            out.printf(Locale.ROOT, "%-44s %10.0f %10.0f-%-10.0f %11.3f %11.3f%n", r.name(), r.samplesPerSecond().median(),
                    r.samplesPerSecond().min(), r.samplesPerSecond().max(), r.ratioToBare().median(),
                    r.ratioToNoMonitors().median());
        }
        out.flush();
        return results;
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: StatsListenerBench CONFIG [ROUNDS WARMUP ITERATIONS]");
            System.exit(2);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        run(Path.of(args[0]), new ThroughputBenchmark.Options(rounds, warmup, iterations),
                new PrintWriter(System.out, true));
    }
}
