package io.trainscope.examples.seed001;

import io.trainscope.core.Trainscope;
import io.trainscope.core.gradcheck.GradientCheckOptions;
import io.trainscope.core.gradcheck.GradientCheckTable;
import io.trainscope.examples.ExampleArgs;
import io.trainscope.examples.ExamplePaths;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 001: backpropagation written by hand ({@link ScratchMlp}) against DL4J's own, for the
 * seed's 64-30-10 ReLU network on 8 x 8 digits ({@link Digits8x8}), in float64 and in float32.
 * With weights drawn from N(0, 1) the logits reach the tens, {@code exp} of them overflows in
 * float32 (the naive softmax gives NaN; the stable one does not), and the logit gradients
 * disagree: DL4J clips softmax outputs to [1e-10, 1 - 1e-10] where the exact gradient is far
 * smaller (the seed's autograd disagreed for the same reason, its {@code log(p + 1e-10)}). With
 * He initialization (variance 2 / fan-in) the logits stay near 1 and every gradient agrees within
 * {@link GradientComparison}'s tolerance.
 *
 * <p>The comparison by hand is the seed's lesson; its reusable form is {@code trainscope gradcheck
 * CONFIG}, which checks any config's network against central differences of the loss. The
 * example ends with it on the seed's network as trainscope builds it ({@link SeedGradcheck}).
 *
 * <p>Run: {@code ./trainscope example seed001 [--data MNIST_DIR] [--examples 1437] [--seed 42]}.
 */
public final class BackpropByHand {

    /** The seed's sizes. */
    static final int IN = 64;
    static final int HIDDEN = 30;
    static final int OUT = 10;

    private BackpropByHand() {
    }

    /** An initialization: the standard deviation of each weight matrix from its fan-in. */
    public enum Init {
        /** The seed's first try, {@code torch.randn}: N(0, 1). */
        NORMAL("N(0,1)"),
        /** He: N(0, 2 / fan-in). */
        HE_NORMAL("he-normal");

        private final String label;

        Init(String label) {
            this.label = label;
        }

        double std(int fanIn) {
            return this == NORMAL ? 1.0 : Math.sqrt(2.0 / fanIn);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * One case's outcome.
     *
     * @param init        the initialization
     * @param type        the data type
     * @param minLogit    the smallest logit
     * @param maxLogit    the largest logit
     * @param overflows   entries of {@code exp(z2)} that overflow in {@code type}
     * @param naiveLoss   the loss with the naive softmax
     * @param stableLoss  the loss with the stable softmax
     * @param dl4jLoss    DL4J's score
     * @param naive       scratch with the naive softmax against DL4J
     * @param comparison  scratch (stable softmax, log-softmax loss) against DL4J, tensor by tensor, then the loss
     */
    public record Case(Init init, DataType type, double minLogit, double maxLogit, long overflows, double naiveLoss,
                       double stableLoss, double dl4jLoss, GradientComparison naive, GradientComparison comparison) {
    }

    /** The parameters drawn in float64 from {@code seed}: weights N(0, std^2), biases 0. */
    public static Map<String, INDArray> parameters(Init init, long seed) {
        Nd4j.getRandom().setSeed(seed);
        Map<String, INDArray> p = new LinkedHashMap<>();
        p.put("0_W", Nd4j.randn(DataType.DOUBLE, IN, HIDDEN).muli(init.std(IN)));
        p.put("0_b", Nd4j.zeros(DataType.DOUBLE, 1, HIDDEN));
        p.put("1_W", Nd4j.randn(DataType.DOUBLE, HIDDEN, OUT).muli(init.std(HIDDEN)));
        p.put("1_b", Nd4j.zeros(DataType.DOUBLE, 1, OUT));
        return p;
    }

    /** Runs one case: the same parameters and data in {@code type}, by hand and by DL4J. */
    public static Case run(Digits8x8 digits, Init init, DataType type, long seed) {
        Digits8x8 d = digits.as(type);
        Map<String, INDArray> params = new LinkedHashMap<>();
        parameters(init, seed).forEach((k, v) -> params.put(k, v.castTo(type)));
        ScratchMlp.Pass pass = ScratchMlp.run(params, d.features(), d.labels());
        Dl4jGradients.Result dl4j = Dl4jGradients.gradients(
                Dl4jGradients.network(type, params, IN, HIDDEN, OUT), d.features(), d.labels());
        INDArray z = pass.logits();
        double rtol = GradientComparison.rtol(type);
        Map<String, INDArray> ours = new LinkedHashMap<>(pass.gradients());
        ours.put("loss", Nd4j.scalar(pass.loss()));
        Map<String, INDArray> theirs = new LinkedHashMap<>(dl4j.gradients());
        theirs.put("loss", Nd4j.scalar(dl4j.score()));
        GradientComparison naive = GradientComparison.of(ScratchMlp.run(params, d.features(), d.labels(), true)
                .gradients(), dl4j.gradients(), rtol);
        return new Case(init, type, z.minNumber().doubleValue(), z.maxNumber().doubleValue(), ScratchMlp.overflows(z),
                ScratchMlp.naiveLoss(z, d.labels()), pass.loss(), dl4j.score(), naive,
                GradientComparison.of(ours, theirs, rtol));
    }

    /** All four cases: N(0, 1) and he-normal, each in float64 and float32. */
    public static List<Case> runAll(Digits8x8 digits, long seed) {
        return List.of(run(digits, Init.NORMAL, DataType.DOUBLE, seed), run(digits, Init.NORMAL, DataType.FLOAT, seed),
                run(digits, Init.HE_NORMAL, DataType.DOUBLE, seed), run(digits, Init.HE_NORMAL, DataType.FLOAT, seed));
    }

    /** A case as the example prints it. */
    public static String describe(Case c) {
        String type = c.type() == DataType.DOUBLE ? "float64" : "float32";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s, %s: logits in [%.1f, %.1f]%n", c.init(), type,
                c.minLogit(), c.maxLogit()));
        sb.append(String.format(Locale.ROOT, "  naive softmax exp(z)/sum(exp(z)): %d of %d exp(z) overflow; loss %s; "
                + "gradients by hand with it %s%n", c.overflows(), c.comparison().row("dL/dz2").entries(),
                number(c.naiveLoss()), c.naive().agrees() ? "agree with DL4J's" : "DISAGREE with DL4J's (" + failing(c.naive())
                + ")"));
        sb.append(String.format(Locale.ROOT, "  stable softmax exp(z - max z)/sum(...), loss from log-softmax: %s; "
                + "DL4J's score %s%n", number(c.stableLoss()), number(c.dl4jLoss())));
        sb.append(c.comparison().table());
        sb.append(c.comparison().agrees() ? "  => scratch and DL4J agree\n" : "  => scratch and DL4J DISAGREE\n");
        return sb.toString();
    }

    private static String failing(GradientComparison c) {
        return String.join(", ", c.rows().stream().filter(r -> !r.agrees()).map(r -> r.name() + (Double.isNaN(r.maxAbs())
                ? " NaN" : "")).toList());
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : String.valueOf(v);
    }

    public static void main(String[] args) throws IOException {
        ExampleArgs options = ExampleArgs.parse(args, "data", "examples", "seed");
        if (options.help()) {
            System.out.println("seed001 [--data MNIST_DIR] [--examples 1437] [--seed 42]: backprop by hand against "
                    + "DL4J's, 64-30-10 ReLU on MNIST t10k downsampled to 8x8, N(0,1) and he-normal, float64 and float32");
            return;
        }
        Path mnist = options.folder("data", ExamplePaths.mnist());
        int n = options.integer("examples", 1437, 10);
        long seed = options.integer("seed", 42, 0);
        Digits8x8 digits = Digits8x8.load(mnist, n);
        System.out.printf(Locale.ROOT, "seed 001: 64-%d-%d ReLU network, softmax cross-entropy, on %d MNIST t10k digits "
                + "downsampled to 8x8 and standardized; the same weights (seed %d) by hand and by DL4J%n%n", HIDDEN, OUT,
                digits.size(), seed);
        for (Case c : runAll(digits, seed)) {
            System.out.println(describe(c));
        }
        System.out.println("The reusable check (trainscope gradcheck CONFIG): the same network as trainscope builds it "
                + "from a config, DL4J's backpropagation against central differences of the loss, both inits\n");
        Trainscope trainscope = Trainscope.create();
        for (Init init : Init.values()) {
            System.out.println(GradientCheckTable.render(SeedGradcheck.check(trainscope, digits, init, seed,
                    GradientCheckOptions.DEFAULTS)));
        }
    }
}
