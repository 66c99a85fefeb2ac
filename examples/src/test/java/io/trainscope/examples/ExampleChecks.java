package io.trainscope.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.trainscope.examples.Printed.line;
import static io.trainscope.examples.Printed.numbers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * For each catalogue example: the reduced arguments {@link EveryExampleTest} runs it with
 * ({@code OUT} stands for a fresh folder of the test) and the check of the key result it prints.
 * Timings in one JVM on 2 cores shared with other builds (2026-12-02, load about 15): seed000 4 s,
 * seed001 0.3 s, seed002 5 s, seed003 13 s, seed004 15 s, lenet 2 s, residual 3 s, extending 1 s.
 */
final class ExampleChecks {

    private ExampleChecks() {
    }

    /**
     * A reduced run.
     *
     * @param data  the data set folder it needs under the datasets folder, or null
     * @param args  its arguments
     * @param check the check of what it printed
     */
    record Reduced(String data, List<String> args, Consumer<Printed> check) {
    }

    static final Map<String, Reduced> REDUCED = Map.of(
            "seed000", new Reduced(null, List.of(), ExampleChecks::seed000),
            "seed001", new Reduced("mnist", List.of("--examples", "300", "--seed", "42"), ExampleChecks::seed001),
            "seed002", new Reduced("mnist", List.of("--epochs", "1", "--out", "OUT"), ExampleChecks::seed002),
            "seed003", new Reduced("fashion-mnist-sample", List.of("--epochs", "1", "--runs", "OUT"), ExampleChecks::seed003),
            "seed004", new Reduced(null, List.of("--epochs", "6", "--seeds", "4", "--runs", "OUT"), ExampleChecks::seed004),
            "lenet", new Reduced("mnist", List.of("--examples", "512", "--epochs", "1", "--runs", "OUT"),
                    ExampleChecks::lenet),
            "residual", new Reduced("mnist", List.of("--examples", "2048", "--epochs", "2", "--runs", "OUT"),
                    ExampleChecks::residual),
            "extending", new Reduced(null, List.of("--epochs", "3", "--runs", "OUT"), ExampleChecks::extending));

    /** The median first-to-last gradient ratio: sigmoid with N(0, 1) vanishes, relu with he keeps it. */
    static void seed000(Printed p) {
        List<String> table = p.section("config ");
        double sigmoidNormal = numbers(line(table, "seed000-sigmoid-normal "), "seed000-sigmoid-normal").get(0);
        double sigmoidUniform = numbers(line(table, "seed000-sigmoid-uniform "), "seed000-sigmoid-uniform").get(0);
        double tanhXavier = numbers(line(table, "seed000-tanh-xavier "), "seed000-tanh-xavier").get(0);
        double reluHe = numbers(line(table, "seed000-relu-he "), "seed000-relu-he").get(0);
        assertThat(sigmoidNormal).isLessThan(2e-2).isLessThan(reluHe / 5);
        assertThat(sigmoidUniform).isLessThan(1e-10);
        assertThat(tanhXavier).isBetween(0.01, 100.0);
        assertThat(reluHe).isBetween(0.01, 100.0);
    }

    /**
     * N(0, 1): logits in the tens, float32's naive softmax overflows, the comparison fails; he-normal
     * agrees; the gradient check against central differences passes at both.
     */
    static void seed001(Printed p) {
        for (String type : List.of("float64", "float32")) {
            List<String> normal = p.section("N(0,1), " + type);
            List<Double> logits = numbers(normal.get(0), "logits in");
            assertThat(Math.max(-logits.get(0), logits.get(1))).isGreaterThan(20);
            assertThat(normal).anySatisfy(l -> assertThat(l).contains("DISAGREE"));
            List<String> he = p.section("he-normal, " + type);
            assertThat(numbers(he.get(0), "logits in")).allSatisfy(z -> assertThat(Math.abs(z)).isLessThan(10));
            assertThat(he).noneSatisfy(l -> assertThat(l).contains("DISAGREE"));
            assertThat(he).anySatisfy(l -> assertThat(l).contains("agree"));
        }
        String overflow = line(p.section("N(0,1), float32"), "naive softmax");
        assertThat(numbers(overflow, "exp(z)/sum(exp(z)):").get(0)).as(overflow).isPositive();
        assertThat(p.text().lines().filter(l -> l.startsWith("PASS: every tensor agrees")))
                .as("the reusable gradient check passes at both inits: backpropagation is right, the clipped score is not")
                .hasSize(2);
    }

    /** Initial loss far above ln 10 with N(0, 1), near it with PyTorch's default; most tanh outputs saturated. */
    static void seed002(Printed p) {
        List<String> init = p.section("seed002-init");
        double ln10 = Math.log(10);
        String normal = line(init, "normal(std=1)");
        String torch = line(init, "torch-default");
        assertThat(numbers(normal, "initial").get(0)).isGreaterThan(3 * ln10);
        assertThat(numbers(torch, "initial").get(0)).isCloseTo(ln10, within(0.2 * ln10));
        assertThat(numbers(normal, "saturated").get(0)).isGreaterThan(50);
        assertThat(numbers(torch, "saturated").get(0)).isLessThan(5);
        String map = p.lineWith("tanh saturation map");
        assertThat(numbers(map, "units:").get(0)).as(map).isGreaterThan(50);
        assertThat(Path.of(map.substring(map.lastIndexOf(": ") + 2).strip())).isRegularFile();
        for (String fanIn : List.of("10 ", "100 ", "784 ")) {
            List<Double> row = numbers(line(p.section("x [1000, k]"), fanIn), "");
            assertThat(row.get(2) / row.get(3)).isCloseTo(1.0, within(0.1));
            assertThat(row.get(4)).isCloseTo(1.0, within(0.1));
        }
        List<String> batchnorm = p.section("seed002-batchnorm");
        double without = numbers(batchnorm.get(batchnorm.indexOf(line(batchnorm, "[]")) + 1), "epochs:").get(0);
        double with = numbers(batchnorm.get(batchnorm.indexOf(line(batchnorm, "[batchnorm]")) + 1), "epochs:").get(0);
        assertThat(with).as("first epoch's loss with batchnorm").isLessThan(without);
    }

    /** Sigmoid's first layer starves at initialization; the deep ReLU net has dead units, swish none. */
    static void seed003(Printed p) {
        List<String> gradients = p.section("seed003: weight-gradient norm");
        double sigmoid = numbers(line(gradients, "sigmoid"), "first/last").get(0);
        assertThat(sigmoid).isLessThan(1e-2);
        assertThat(numbers(line(gradients, "relu"), "first/last").get(0)).isGreaterThan(10 * sigmoid);
        List<String> accuracies = p.section("seed003-activations: test accuracy");
        assertThat(accuracies).hasSize(10);
        assertThat(accuracies.subList(1, 10)).allSatisfy(l -> assertThat(l).containsPattern(" \\d+\\.\\d\\d% "));
        List<String> dead = p.section("seed003-dead-neurons");
        List<Double> deepRelu = deadShares(dead, "relu", "[256");
        assertThat(deepRelu).hasSize(10);
        assertThat(deepRelu.subList(0, 2)).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(1.0));
        assertThat(deepRelu.subList(4, 10)).anySatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(20.0));
        assertThat(deadShares(dead, "relu", "[512")).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(5.0));
        assertThat(deadShares(dead, "swish", "[256")).hasSize(10).containsOnly(0.0);
        assertThat(deadShares(dead, "swish", "[512")).hasSize(4).containsOnly(0.0);
    }

    private static List<Double> deadShares(List<String> section, String activation, String hidden) {
        String row = section.stream().filter(l -> l.strip().startsWith(activation + " ") && l.contains(hidden))
                .findFirst().orElseThrow(() -> new AssertionError("no " + activation + " " + hidden + " row in " + section));
        return numbers(row.substring(row.lastIndexOf('[')), "");
    }

    /** Vanishing (sigmoid) and growing (tanh) gradients, twin units after a zero init, Glorot's flow, seed spread. */
    static void seed004(Printed p) {
        List<String> sigmoid = p.section("seed004-sigmoid3");
        for (String epoch : List.of("0 ", "5 ")) {
            List<Double> row = numbers(line(sigmoid, epoch), "");
            assertThat(row.get(row.size() - 1)).as("first/output after " + epoch + "epochs").isLessThan(0.05);
        }
        String violins = line(sigmoid, "violins:");
        assertThat(read(Path.of(violins.strip().split(" ")[1]))).contains("violin");
        List<String> tanh = p.section("seed004-tanh4");
        assertThat(numbers(line(tanh, "5 "), "").get(1)).isGreaterThan(10 * numbers(line(tanh, "0 "), "").get(1));
        List<String> zero = p.section("seed004-zero-init");
        assertThat(numbers(line(zero, "units with an identical twin"), ":")).containsExactly(2.0, 0.0);
        List<Double> first = numbers(zero.get(zero.size() - 2), "");
        assertThat(first).isEqualTo(numbers(zero.get(zero.size() - 1), "")).anySatisfy(w -> assertThat(w).isNotZero());
        List<String> flow = p.section("seed004-glorot");
        double normal = numbers(line(flow, "normal(std=1)"), "normal(std=1)").get(1);
        double xavier = numbers(line(flow, "xavier-normal"), "xavier-normal").get(1);
        assertThat(normal).isGreaterThan(100);
        assertThat(Math.abs(Math.log10(xavier))).isLessThan(Math.abs(Math.log10(normal)) / 2);
        List<String> seeds = p.section("seed004-seeds");
        assertThat(seeds.stream().filter(l -> l.strip().startsWith("seed ")).count()).isEqualTo(4);
        assertThat(numbers(line(seeds, "median"), "max/min").get(0)).as("max/min test MSE over 4 seeds").isGreaterThan(2);
    }

    /** An instrumented DL4J network's run folder: report naming the application's layers, findings. */
    static void instrumented(Printed p, String... layers) {
        Path folder = p.folder("run folder:");
        assertThat(read(folder.resolve("report.html"))).contains(layers);
        assertThat(folder.resolve("findings.json")).isRegularFile();
        assertThat(read(folder.resolve("metrics.jsonl"))).contains("\"layer_name\":\"" + layers[0] + "\"");
    }

    /** The LeNet trained with DL4J's fit: above chance after one epoch on 460 images, its run folder. */
    static void lenet(Printed p) {
        instrumented(p, "conv1", "fc2");
        String accuracy = p.lineWith("accuracy on");
        assertThat(numbers(accuracy, ":").get(0)).as(accuracy).isGreaterThan(0.2);
    }

    /**
     * The residual graph under DL4J's early stopping: the trainer's own end, the instrumented folder,
     * and the variance-flow finding (the activations' variance grows across the blocks) with its fix in DL4J's words.
     */
    static void residual(Printed p) {
        instrumented(p, "stem", "block1-a", "out");
        assertThat(p.lineWith("WARNING The variance of the activations grows")).contains("across the hidden layers");
        assertThat(p.lineWith("fix: ")).contains(".weightInit(WeightInit.RELU)");
        String end = p.lineWith("early stopping:");
        assertThat(numbers(end, "after").get(0)).as(end).isBetween(1.0, 2.0);
    }

    /** The five example plugins found by name, trained on, and the example monitor's metric in the report. */
    static void extending(Printed p) {
        List<String> plugins = p.section("example plugins found");
        assertThat(String.join("\n", plugins)).contains("two-spirals", "sparse-normal", "softsign", "min-max",
                "weight-drift");
        assertThat(p.lineWith("after 3 epochs")).contains("COMPLETED");
        List<String> drift = p.section("weight-drift monitor");
        List<String> layers = drift.stream().filter(l -> l.contains(" -> ")).toList();
        assertThat(layers).as("a line per layer").hasSize(3).allSatisfy(l -> {
            List<Double> v = numbers(l, "  ");
            assertThat(v.get(v.size() - 1)).isGreaterThan(v.get(v.size() - 2));
        });
        assertThat(read(p.folder("run folder:").resolve("report.html"))).contains("Weight drift (example plugin)");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
