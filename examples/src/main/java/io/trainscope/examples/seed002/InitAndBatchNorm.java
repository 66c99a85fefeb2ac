package io.trainscope.examples.seed002;

import io.trainscope.core.Trainscope;
import io.trainscope.examples.ExampleArgs;
import io.trainscope.examples.ExamplePaths;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 002, initialization and batch normalization on MNIST, from
 * {@code examples/configs/seed002-init.yaml} and {@code seed002-batchnorm.yaml}: the initial loss
 * against ln 10 with N(0, 1) weights and with PyTorch's default, the tanh saturation map of the
 * N(0, 1) network (written as the seed's black-and-white image), the spread of {@code x·w} growing
 * with the fan-in, and the training loss without and with batchnorm.
 *
 * <p>Run: {@code ./trainscope example seed002 [--configs DIR] [--epochs N] [--out DIR]}.
 */
public final class InitAndBatchNorm {

    private InitAndBatchNorm() {
    }

    public static void main(String[] args) throws IOException {
        ExampleArgs options = ExampleArgs.parse(args, "configs", "epochs", "out");
        if (options.help()) {
            System.out.println("seed002 [--configs DIR] [--epochs N] [--out DIR]: seed 002 on MNIST from "
                    + "DIR/seed002-*.yaml (default examples/configs); --epochs overrides the configs' epochs; the "
                    + "saturation map goes to --out (default runs) as seed002-saturation-map.png");
            return;
        }
        Path configs = options.folder("configs", ExamplePaths.configs());
        int epochs = options.integer("epochs", 0, 1);
        Trainscope trainscope = Trainscope.create();
        System.out.print(curves("seed002-init: initial loss against ln 10 = 2.3026, then the mean training loss per epoch",
                Seed002Results.curves(trainscope, configs.resolve("seed002-init.yaml"), epochs)));
        Seed002Results.SaturationMap map = Seed002Results.saturationMap(trainscope, configs.resolve("seed002-init.yaml"), 32);
        Path image = write(map, Path.of(options.text("out", "runs")).resolve("seed002-saturation-map.png"));
        System.out.printf(Locale.ROOT, "tanh saturation map, N(0,1) weights, 32 examples x %d units: %.1f%% of |a| > 0.99, "
                + "%d units saturated for every example (white columns): %s%n%n", map.saturated()[0].length,
                100 * map.share(), map.fullUnits(), image);
        System.out.print(spread(Seed002Results.productSpread(42, 10, 100, 784)));
        System.out.print(curves("seed002-batchnorm: N(0,1) weights, mean training loss per epoch",
                Seed002Results.curves(trainscope, configs.resolve("seed002-batchnorm.yaml"), epochs)));
    }

    static String curves(String title, Map<String, Seed002Results.Curve> curves) {
        StringBuilder sb = new StringBuilder(title).append('\n');
        curves.forEach((run, c) -> {
            String initial = Double.isNaN(c.initialLoss()) ? "" : String.format(Locale.ROOT, "initial %7.3f (x%.1f ln 10); ",
                    c.initialLoss(), c.initialLoss() / Math.log(10));
            sb.append(String.format(Locale.ROOT, "  %-26s %shidden-0 saturated %5.1f%%, %3.0f units for the whole batch%n",
                    run.isEmpty() ? "(none)" : run, initial, c.saturation(), c.saturatedUnits()));
            sb.append("  ").append(" ".repeat(26)).append(" epochs:");
            c.epochLosses().forEach(l -> sb.append(String.format(Locale.ROOT, " %.3f", l)));
            sb.append('\n');
        });
        return sb.append('\n').toString();
    }

    static String spread(Map<Integer, double[]> spread) {
        StringBuilder sb = new StringBuilder("x [1000, k] . w [k, 200], both N(0,1): the spread grows as sqrt(k)\n");
        sb.append(String.format(Locale.ROOT, "  %6s %8s %10s %10s %16s%n", "k", "std x", "std x.w", "sqrt(k)",
                "std x.(w/sqrt k)"));
        spread.forEach((k, s) -> sb.append(String.format(Locale.ROOT, "  %6d %8.3f %10.3f %10.3f %16.3f%n", k, s[0], s[1],
                Math.sqrt(k), s[2])));
        return sb.append('\n').toString();
    }

    /** The map as a black-and-white PNG, 4 pixels per entry, white where saturated (the seed's gray colormap). */
    static Path write(Seed002Results.SaturationMap map, Path file) throws IOException {
        boolean[][] m = map.saturated();
        int scale = 4;
        BufferedImage img = new BufferedImage(m[0].length * scale, m.length * scale, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < m.length * scale; r++) {
            for (int c = 0; c < m[0].length * scale; c++) {
                img.getRaster().setSample(c, r, 0, m[r / scale][c / scale] ? 255 : 0);
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(img, "png", file.toFile());
        return file;
    }
}
