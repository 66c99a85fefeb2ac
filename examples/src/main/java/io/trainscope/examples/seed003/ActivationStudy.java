package io.trainscope.examples.seed003;

import io.trainscope.core.Trainscope;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.sweep.PlannedRun;
import io.trainscope.core.sweep.RunSummary;
import io.trainscope.core.sweep.SweepListener;
import io.trainscope.core.sweep.SweepResult;
import io.trainscope.core.sweep.SweepState;
import io.trainscope.core.sweep.Sweeps;
import io.trainscope.core.training.RunOptions;
import io.trainscope.examples.ExampleArgs;
import io.trainscope.examples.ExamplePaths;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 003, activation functions, from {@code examples/configs/seed003-activations.yaml} and
 * {@code seed003-dead-neurons.yaml} on the Fashion-MNIST sample: each activation's per-layer
 * weight-gradient norm at initialization (sigmoid's first layer gets orders of magnitude less than
 * its last), the comparison sweep's test accuracy per activation, and the dead units of the deep
 * ReLU network against swish at initialization. The activations' shapes and derivatives are
 * {@code ./trainscope activations}'s page.
 *
 * <p>Run: {@code ./trainscope example seed003 [--configs DIR] [--epochs N] [--runs DIR]}.
 */
public final class ActivationStudy {

    private ActivationStudy() {
    }

    /** Per activation (the sweep's label), the weight-gradient norm of each layer at initialization, input first. */
    public static Map<String, List<Double>> gradientsAtInitialization(Trainscope trainscope, Path config) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (PlannedRun run : trainscope.get(Sweeps.class).plan(config, Map.of("training.epochs", 1)).orElseThrow().runs()) {
            InMemoryMeasurements sink = new InMemoryMeasurements();
            trainscope.trainer().train(run.experiment(), RunOptions.inMemory(sink));
            List<Double> norms = new ArrayList<>();
            sink.metric("layer.gradient.norm").stream().filter(m -> m.iteration() == 0).forEach(m -> norms.add(m.value()));
            out.put(String.join(", ", run.settings().values()), norms);
        }
        return out;
    }

    /** Runs {@code config}'s sweep into {@code runs} (epochs overridden unless 0); the sweep's state per run. */
    public static List<SweepState.Run> sweep(Trainscope trainscope, Path config, int epochs, Path runs) {
        Map<String, Object> overrides = epochs > 0 ? Map.of("training.epochs", epochs) : Map.of();
        Sweeps sweeps = trainscope.get(Sweeps.class);
        SweepResult result = sweeps.run(sweeps.plan(config, overrides).orElseThrow(),
                RunOptions.defaults().withOutputRoot(runs), SweepListener.NONE);
        return result.state().runs();
    }

    /** A run's per-layer headline of {@code metric}, or an empty map. */
    public static Map<String, Double> headline(SweepState.Run run, String metric) {
        return run.summary().headlines().stream().filter(h -> h.metric().equals(metric)).findFirst()
                .map(RunSummary.Headline::layers).orElse(Map.of());
    }

    public static void main(String[] args) {
        ExampleArgs options = ExampleArgs.parse(args, "configs", "epochs", "runs");
        if (options.help()) {
            System.out.println("seed003 [--configs DIR] [--epochs N] [--runs DIR]: seed 003 from DIR/seed003-*.yaml "
                    + "(default examples/configs) on the Fashion-MNIST sample; --epochs caps the comparison sweep's "
                    + "epochs (default the config's 50, early stopping with patience 7); sweep folders go to --runs");
            return;
        }
        Path configs = options.folder("configs", ExamplePaths.configs());
        Path runs = Path.of(options.text("runs", "runs"));
        Trainscope trainscope = Trainscope.create();
        System.out.println("activation shapes and derivatives: ./trainscope activations (writes activations.html)\n");
        System.out.print(gradients(gradientsAtInitialization(trainscope, configs.resolve("seed003-activations.yaml"))));
        StringBuilder table = new StringBuilder("seed003-activations: test accuracy per activation\n");
        for (SweepState.Run r : sweep(trainscope, configs.resolve("seed003-activations.yaml"),
                options.integer("epochs", 0, 1), runs)) {
            table.append(String.format(Locale.ROOT, "  %-36s %6.2f%%  (%d epochs)%n", r.settings().get("model.activation"),
                    100 * r.summary().test().getOrDefault("accuracy", Double.NaN), r.summary().epochs()));
        }
        System.out.println(table);
        StringBuilder dead = new StringBuilder("seed003-dead-neurons: dead units per hidden layer at initialization, percent\n");
        for (SweepState.Run r : sweep(trainscope, configs.resolve("seed003-dead-neurons.yaml"), 0, runs)) {
            dead.append(String.format(Locale.ROOT, "  %-6s %-52s %s%n", r.settings().get("model.activation"),
                    r.settings().get("model.hidden"), headline(r, "layer.dead.percent").values().stream()
                            .map(v -> String.format(Locale.ROOT, "%.1f", v)).toList()));
        }
        System.out.print(dead);
    }

    static String gradients(Map<String, List<Double>> norms) {
        StringBuilder sb = new StringBuilder("seed003: weight-gradient norm per layer at initialization (one batch of 256)\n");
        norms.forEach((activation, v) -> {
            sb.append(String.format(Locale.ROOT, "  %-36s", activation));
            v.forEach(x -> sb.append(String.format(Locale.ROOT, " %9.2e", x)));
            sb.append(String.format(Locale.ROOT, "   first/last %.1e%n", v.get(0) / v.get(v.size() - 1)));
        });
        return sb.append('\n').toString();
    }
}
