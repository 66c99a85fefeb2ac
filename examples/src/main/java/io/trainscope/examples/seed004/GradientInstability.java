package io.trainscope.examples.seed004;

import io.trainscope.core.Trainscope;
import io.trainscope.core.training.RunOptions;
import io.trainscope.examples.ExampleArgs;
import io.trainscope.examples.ExamplePaths;
import io.trainscope.examples.seed000.VanishingGradients;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 004, gradient instability and the Glorot condition, from the five
 * {@code examples/configs/seed004-*.yaml}: the sigmoid and tanh networks on the polynomial data
 * (their reports draw the per-layer weights and gradients as violins at initialization and after 5,
 * 15 and 20 epochs), the all-zero initialization and its symmetric units, the variance flow with
 * N(0, 1) and with Xavier weights, and the spread of the final test error over the seeds.
 *
 * <p>Run: {@code ./trainscope example seed004 [--configs DIR] [--runs DIR] [--seeds 10] [--epochs 20]}.
 */
public final class GradientInstability {

    private GradientInstability() {
    }

    public static void main(String[] args) {
        ExampleArgs options = ExampleArgs.parse(args, "configs", "runs", "seeds", "epochs");
        if (options.help()) {
            System.out.println("seed004 [--configs DIR] [--runs DIR] [--seeds N] [--epochs N]: seed 004's experiments from "
                    + "DIR/seed004-*.yaml (default examples/configs); run folders with violin reports go to --runs "
                    + "(default runs); --seeds: how many of seed004-seeds.yaml's ten seeds to train; --epochs: the "
                    + "sigmoid and tanh networks' epochs (default their configs' 20)");
            return;
        }
        Path configs = options.folder("configs", ExamplePaths.configs());
        RunOptions runs = RunOptions.defaults().withOutputRoot(Path.of(options.text("runs", "runs")));
        int epochs = options.integer("epochs", 0, 1);
        Trainscope trainscope = Trainscope.create();
        for (String name : List.of("seed004-sigmoid3", "seed004-tanh4")) {
            System.out.print(spreads(name, Seed004Results.gradientSpreads(trainscope, configs.resolve(name + ".yaml"), epochs, runs)));
        }
        System.out.print(symmetry(Seed004Results.symmetry(trainscope, configs.resolve("seed004-zero-init.yaml"))));
        System.out.print(flow(Seed004Results.varianceFlow(trainscope, configs.resolve("seed004-glorot.yaml"))));
        System.out.print(seeds(Seed004Results.testErrorBySeed(trainscope, configs.resolve("seed004-seeds.yaml"),
                options.integer("seeds", 10, 1))));
    }

    /** The spread table of one network. */
    static String spreads(String name, Seed004Results.Spreads s) {
        StringBuilder sb = new StringBuilder(name + ": weight-gradient spread (95th - 5th percentile) per layer\n");
        sb.append(String.format(Locale.ROOT, "  %-14s", "after epochs"));
        int layers = s.spreads().values().iterator().next().size();
        for (int l = 0; l < layers; l++) {
            sb.append(String.format(Locale.ROOT, " %10s", l == layers - 1 ? "output" : "hidden-" + l));
        }
        sb.append(String.format(Locale.ROOT, " %12s%n", "first/output"));
        s.spreads().forEach((epoch, v) -> {
            sb.append(String.format(Locale.ROOT, "  %-14d", epoch));
            v.forEach(x -> sb.append(String.format(Locale.ROOT, " %10.2e", x)));
            sb.append(String.format(Locale.ROOT, " %12.2e%n", v.get(0) / v.get(v.size() - 1)));
        });
        if (s.run() != null) {
            sb.append("  violins: ").append(s.run().resolve("report.html")).append(" (Weights and gradients across epochs)\n");
        }
        return sb.append('\n').toString();
    }

    /** The zero-initialization lines. */
    static String symmetry(Seed004Results.Symmetry s) {
        StringBuilder sb = new StringBuilder("seed004-zero-init: all-zero weights, 5 epochs\n");
        sb.append("  units with an identical twin, per layer: ").append(s.symmetricUnits()).append('\n');
        sb.append("  hidden-0's incoming weights, one row per unit (they change in sync):\n");
        for (double[] unit : s.hiddenWeights()) {
            sb.append("    ").append(Arrays.stream(unit).mapToObj(v -> String.format(Locale.ROOT, "%8.4f", v)).toList())
                    .append('\n');
        }
        return sb.append('\n').toString();
    }

    /** The variance-flow table. */
    static String flow(Map<String, Seed004Results.Flow> flows) {
        StringBuilder sb = new StringBuilder("seed004-glorot: tanh 5 x 50, variance flow at initialization\n");
        sb.append(String.format(Locale.ROOT, "  %-24s %26s %26s%n", "init", "forward Var(a4)/Var(x)",
                "backward Var(gW0)/Var(gW4)"));
        flows.forEach((init, f) -> sb.append(String.format(Locale.ROOT, "  %-24s %26.3e %26.3e%n", init, f.forward(),
                f.backward())));
        return sb.append('\n').toString();
    }

    /** The seed-spread lines. */
    static String seeds(Map<Long, Double> mse) {
        double[] values = mse.values().stream().mapToDouble(Double::doubleValue).toArray();
        StringBuilder sb = new StringBuilder("seed004-seeds: relu 3 x 4, 20 epochs, final test MSE per seed (same data)\n");
        mse.forEach((seed, v) -> sb.append(String.format(Locale.ROOT, "  seed %-5d %10.4f%n", seed, v)));
        sb.append(String.format(Locale.ROOT, "  median %.4f, min %.4f, max %.4f (max/min %.1f)%n", VanishingGradients.median(values),
                Arrays.stream(values).min().orElse(Double.NaN), Arrays.stream(values).max().orElse(Double.NaN),
                Arrays.stream(values).max().orElse(Double.NaN) / Arrays.stream(values).min().orElse(Double.NaN)));
        return sb.toString();
    }
}
