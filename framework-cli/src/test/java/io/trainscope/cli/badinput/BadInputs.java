package io.trainscope.cli.badinput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.trainscope.cli.badinput.IdxWriter.gzip;
import static io.trainscope.cli.badinput.IdxWriter.head;
import static io.trainscope.cli.badinput.IdxWriter.images;
import static io.trainscope.cli.badinput.IdxWriter.labels;
import static io.trainscope.cli.badinput.Workspace.idx;
import static io.trainscope.cli.badinput.Workspace.iris;

/** The bad-input table: every case, by command. */
final class BadInputs {

    private static final String MODEL = "{hidden: [4]}";
    private static final String TRAINING = "{epochs: 1, batch-size: 50}";
    private static final String IMAGES = "idx/t10k-images-idx3-ubyte";
    private static final String LABELS = "idx/t10k-labels-idx1-ubyte";

    private final List<BadInput> cases = new ArrayList<>();

    private BadInputs() {
    }

    /** Every case of the table. */
    static List<BadInput> all() {
        BadInputs t = new BadInputs();
        t.configText();
        t.configValues();
        t.plugins();
        t.idxFiles();
        t.convolutions();
        t.csvFiles();
        t.trainCommandLine();
        t.resume();
        t.otherCommands();
        t.diagnose();
        t.gradcheck();
        return List.copyOf(t.cases);
    }

    private void add(String command, String name, BadInput.Setup setup, String... expected) {
        cases.add(new BadInput(command, name, setup, Arrays.asList(expected)));
    }

    private void train(String name, String yaml, String... expected) {
        add("train", name, w -> List.of("train", w.config(yaml), "-o", w.output(), "-q"), expected);
    }

    /** The text of the file: size, encoding, YAML features that are refused. */
    private void configText() {
        train("a key given twice", "data: iris\nmodel: {hidden: [4]}\nmodel: {hidden: [8]}\n",
                "model: given twice, on lines 2 and 3");
        add("train", "a config of 5 MB", w -> List.of("train", w.file("config.yaml",
                "name: " + "x".repeat(5 << 20) + "\n"), "-q"), "config.yaml", "bytes, more than the", "a config may have");
        add("train", "a config that is not UTF-8", w -> List.of("train", w.bytes("config.yaml",
                "name: caf\u00e9\ndata: iris\n".getBytes(StandardCharsets.ISO_8859_1)), "-q"),
                "config.yaml is not UTF-8 text", "0xE9", "line 1");
        train("a Java class tag", "data: !!java.util.HashMap {source: iris}\n", "tag", "!!java.util.HashMap");
        train("a local tag", "data: !foo iris\n", "tag", "!foo");
        train("an anchor and alias", "data: &d iris\nname: *d\n", "anchor");
        train("not YAML", "data: [iris\n", "config.yaml", "not valid YAML", "line");
        train("an empty config", "", "config.yaml", "empty");
        train("a list instead of a map", "- data\n- model\n", "config.yaml must be a map", "got a list");
        train("an unknown top-level key", "data: iris\nmodle: {hidden: [4]}\n", "modle", "did you mean 'model'");
        train("an unknown nested key", "data: iris\nmodel: {}\ntraining: {epoch: 3}\n", "training.epoch", "did you mean 'epochs'");
    }

    /** Numbers and sizes out of range. */
    private void configValues() {
        train("a learning rate of 1e400", iris(MODEL, "{optimizer: {name: sgd, learning-rate: 1e400}}"),
                "training.optimizer.learning-rate", "finite number", "1e400");
        train("a learning rate of .nan", iris(MODEL, "{optimizer: {name: sgd, learning-rate: .nan}}"),
                "training.optimizer.learning-rate", "finite");
        train("a negative learning rate", iris(MODEL, "{optimizer: {name: sgd, learning-rate: -0.1}}"),
                "training.optimizer.learning-rate", "-0.1");
        train("zero epochs", iris(MODEL, "{epochs: 0}"), "training.epochs", ">= 1", "0");
        train("a negative batch size", iris(MODEL, "{batch-size: -3}"), "training.batch-size", "-3");
        train("a hidden layer of zero units", iris("{hidden: [0]}", TRAINING), "model.hidden", "0");
        train("a batch size larger than the data", iris(MODEL, "{epochs: 1, batch-size: 1000}"),
                "training.batch-size", "1000", "examples");
        train("a split that does not add up", "data: {source: iris, split: {train: 0.9, validation: 0.3}}\nmodel: {}\n",
                "data.split", "1");
        train("a number given as text", iris(MODEL, "{epochs: three}"), "training.epochs", "three");
        train("a zero-sample generator", "data: {source: gaussian-classification, samples: 0}\nmodel: {}\n",
                "samples", "0");
    }

    /** Plugin names and parameters. */
    private void plugins() {
        train("an unknown activation", iris("{hidden: [4], activation: rellu}", TRAINING),
                "model.activation", "unknown activation 'rellu'", "did you mean 'relu'", "known activations: ");
        train("an unknown data source", "data: {source: irs}\nmodel: {}\n", "data.source", "'irs'", "iris");
        train("an unknown monitor", "data: iris\nmodel: {}\nmonitors: [gradient-nroms]\n", "monitors", "gradient-nroms",
                "gradient-norms");
        train("an unknown initializer", iris("{hidden: [4], init: he-normall}", TRAINING), "model.init",
                "he-normall", "he-normal");
        train("an unknown optimizer", iris(MODEL, "{optimizer: {name: adamm}}"), "training.optimizer", "adamm",
                "adam");
        train("a bad plugin parameter", iris("{hidden: [4], init: {name: normal, std: 0}}", TRAINING),
                "model.init.std", "> 0", "0");
        train("an unknown plugin parameter", "data: iris\nmodel: {}\nmonitors: [{name: gradient-norms, evrey: 2}]\n",
                "evrey", "every");
        train("a choice parameter outside its choices", "data: {source: idx, path: x, class-names: letters}\nmodel: {}\n",
                "class-names", "digits, fashion", "got 'letters'");
    }

    /** IDX files: missing, empty, truncated, mis-sized, not gzip, bad labels, other widths. */
    private void idxFiles() {
        add("train", "an IDX folder that does not exist", w -> List.of("train", w.config(idx("")), "-q"),
                "idx", "no such directory");
        add("train", "an IDX folder with no IDX files", w -> {
            w.folder("idx");
            return List.of("train", w.config(idx("")), "-q");
        }, "idx", "t10k-images-idx3-ubyte");
        add("train", "an IDX labels file missing", w -> {
            w.bytes(IMAGES, images(5, 3, 2));
            return List.of("train", w.config(idx("")), "-q");
        }, "t10k-labels-idx1-ubyte", "put the labels file beside it");
        add("train", "an empty IDX file", w -> {
            w.bytes(IMAGES, new byte[0]);
            w.bytes(LABELS, labels(1, 2, 3, 4, 5));
            return List.of("train", w.config(idx("")), "-q");
        }, "t10k-images-idx3-ubyte", "the file is empty", "expected an IDX images file");
        add("train", "a truncated IDX file", w -> {
            w.bytes(IMAGES, head(images(5, 3, 2), 40));
            w.bytes(LABELS, labels(1, 2, 3, 4, 5));
            return List.of("train", w.config(idx("")), "-q");
        }, "t10k-images-idx3-ubyte", "truncated", "46 bytes", "40 bytes");
        add("train", "a truncated gzip IDX file with a count mismatch too", w -> {
            w.bytes(IMAGES + ".gz", head(gzip(images(5, 3, 2)), 30));
            w.bytes(LABELS, labels(1, 2, 3, 4));
            return List.of("train", w.config(idx("")), "-q");
        }, "t10k-images-idx3-ubyte.gz", "truncated");
        add("train", "IDX files of different counts", w -> {
            w.bytes(IMAGES, images(5, 3, 2));
            w.bytes(LABELS, labels(1, 2, 3, 4));
            return List.of("train", w.config(idx("")), "-q");
        }, "t10k-images-idx3-ubyte", "5 images", "4 labels");
        add("train", "an IDX file longer than its header says", w -> {
            byte[] image = images(5, 3, 2);
            w.bytes(IMAGES, Arrays.copyOf(image, image.length + 3));
            w.bytes(LABELS, labels(1, 2, 3, 4, 5));
            return List.of("train", w.config(idx("")), "-q");
        }, "t10k-images-idx3-ubyte", "3 unexpected bytes");
        add("train", "a .gz IDX file that is not gzip", w -> {
            w.bytes(IMAGES, images(5, 3, 2));
            w.file(LABELS + ".gz", "<!DOCTYPE html><html>not found</html>");
            return List.of("train", w.config(idx("")), "-q");
        }, "t10k-labels-idx1-ubyte.gz", "not a gzip file", "1F 8B");
        add("train", "an IDX label out of range", w -> {
            w.bytes(IMAGES, images(5, 3, 2));
            w.bytes(LABELS, labels(1, 2, 12, 4, 5));
            return List.of("train", w.config(idx("")), "-q");
        }, "t10k-labels-idx1-ubyte", "label 12", "0..9");
        add("train", "a test part of another input width", w -> {
            w.bytes("idx/train-images-idx3-ubyte", images(20, 3, 2));
            w.bytes("idx/train-labels-idx1-ubyte", labels(new int[20]));
            w.bytes(IMAGES, images(5, 2, 2));
            w.bytes(LABELS, labels(1, 2, 3, 4, 5));
            return List.of("train", w.config(idx(", test-part: t10k")), "-q", "-o", w.output());
        }, "t10k-images-idx3-ubyte", "images of 2x2", "train-images-idx3-ubyte holds images of 3x2");
        add("train", "an IDX labels file given as images", w -> {
            w.bytes(IMAGES, labels(1, 2, 3));
            w.bytes(LABELS, labels(1, 2, 3));
            return List.of("train", w.config(idx("")), "-q");
        }, "t10k-images-idx3-ubyte", "labels file");
    }

    /** Convolution and pooling layers: order, data that are not images, windows that do not fit. */
    private void convolutions() {
        train("a conv2d layer on data that are not images", iris("{layers: [{type: conv2d, filters: 4, kernel: 3}]}",
                TRAINING), "model.layers[0]", "conv2d needs image input", "flat rows of 4 features", "use dense layers");
        train("a conv2d layer after a dense one", iris("{layers: [8, {type: conv2d, filters: 4, kernel: 3}]}", TRAINING),
                "model.layers[1]", "conv2d cannot follow the dense layer model.layers[0]", "put every conv2d");
        train("a pool after flatten", iris("{layers: [{type: flatten}, {type: max-pool, kernel: 2}]}", TRAINING),
                "model.layers[1]", "max-pool cannot follow the flatten layer");
        train("a conv2d layer without filters", iris("{layers: [{type: conv2d, kernel: 3}]}", TRAINING),
                "model.layers[0].filters", "missing");
        train("layernorm on a conv2d layer", iris("{layers: [{type: conv2d, filters: 4, kernel: 3, "
                + "normalizers: [layernorm]}]}", TRAINING), "model.layers[0].normalizers", "only batchnorm", "layernorm");
        add("train", "a kernel larger than its input", w -> {
            w.bytes(IMAGES, images(5, 3, 2));
            w.bytes(LABELS, labels(1, 2, 3, 4, 5));
            return List.of("train", w.config(idxModel("{layers: [{type: conv2d, filters: 4, kernel: 5}]}")), "-q");
        }, "model.layers[0]", "conv2d", "kernel 5x5 is larger than its input 1x3x2", "smaller kernel");
        add("train", "pool windows that do not tile the image", w -> {
            w.bytes(IMAGES, images(5, 5, 5));
            w.bytes(LABELS, labels(1, 2, 3, 4, 5));
            return List.of("train", w.config(idxModel("{layers: [{type: max-pool, kernel: 2}]}")), "-q");
        }, "model.layers[0]", "max-pool", "input 1x5x5", "not a whole number", "choose a stride");
    }

    /** A config reading the IDX files of folder {@code idx} of the case into {@code model}. */
    private static String idxModel(String model) {
        return idx("").replace("model: {hidden: [4]}", "model: " + model);
    }

    /** CSV files: missing, non-finite numbers, ragged rows. */
    private void csvFiles() {
        String csv = "name: bad\ndata: {source: csv, path: data.csv}\nmodel: {hidden: [4]}\n"
                + "training: {epochs: 1, batch-size: 2}\nmonitors: []\n";
        add("train", "a CSV file that does not exist", w -> List.of("train", w.config(csv), "-q"),
                "data.csv", "no such CSV file");
        add("train", "NaN in CSV data", w -> {
            w.file("data.csv", "a,b,label\n1,2,x\nNaN,3,y\n4,5,x\n6,7,y\n");
            return List.of("train", w.config(csv), "-q");
        }, "data.csv", "line 3", "NaN");
        add("train", "Infinity in CSV data", w -> {
            w.file("data.csv", "a,b,label\n1,2,x\n2,Infinity,y\n4,5,x\n6,7,y\n");
            return List.of("train", w.config(csv), "-q");
        }, "data.csv", "line 3", "Infinity");
        add("train", "a CSV row with a missing field", w -> {
            w.file("data.csv", "a,b,label\n1,2,x\n3,y\n4,5,x\n");
            return List.of("train", w.config(csv), "-q");
        }, "data.csv", "line 3");
        add("train", "an empty CSV file", w -> {
            w.file("data.csv", "");
            return List.of("train", w.config(csv), "-q");
        }, "data.csv", "empty");
    }

    /** The train command's own arguments and its output folder. */
    private void trainCommandLine() {
        add("train", "a config file that does not exist", w -> List.of("train", w.dir().resolve("none.yaml").toString()),
                "none.yaml", "does not exist");
        add("train", "a folder given as config", w -> List.of("train", w.folder("configs")), "configs", "is a directory");
        add("train", "neither config nor --resume", w -> List.of("train"), "CONFIG", "--resume");
        add("train", "--epochs 0", w -> List.of("train", w.config(iris(MODEL, TRAINING)), "--epochs", "0"),
                "--epochs", "at least 1", "0");
        add("train", "--seed that is not a number", w -> List.of("train", w.config(iris(MODEL, TRAINING)),
                "--seed", "abc"), "--seed", "abc");
        add("train", "an unknown option", w -> List.of("train", w.config(iris(MODEL, TRAINING)), "--epoch", "2"),
                "--epoch", "did you mean", "--epochs");
        add("train", "an output folder that is a file", w -> List.of("train", w.config(iris(MODEL, TRAINING)), "-o",
                w.file("runs", "not a folder"), "-q"), "runs exists and is not a folder", "choose an output folder");
        add("train", "an output folder that cannot be written", w -> List.of("train", w.config(iris(MODEL, TRAINING)),
                "-o", unwritable(w), "-q"), "cannot create a run folder under", "locked", "choose an output folder");
    }

    /** {@code train --resume} of folders that cannot be resumed. */
    private void resume() {
        add("resume", "a folder that does not exist", w -> List.of("train", "--resume",
                w.dir().resolve("gone").toString()), "gone", "does not exist");
        add("resume", "a run folder without checkpoint", w -> {
            Path copy = w.copyOfRun();
            try (var files = Files.list(copy.resolve("checkpoints"))) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            return List.of("train", "--resume", copy.toString());
        }, "run-copy", "it has no checkpoint");
        add("resume", "a folder that is not a run", w -> {
            w.file("photos/holiday.jpg", "jpeg");
            return List.of("train", "--resume", w.dir().resolve("photos").toString());
        }, "photos", "not a run folder", "pass a folder");
        add("resume", "a foreign checkpoint", w -> {
            Path copy = w.copyOfRun();
            try (var files = Files.list(copy.resolve("checkpoints"))) {
                for (Path f : files.toList()) {
                    Files.write(f, "PK not really a checkpoint".getBytes(StandardCharsets.UTF_8));
                }
            }
            return List.of("train", "--resume", copy.toString());
        }, "run-copy", "none of its", "checkpoint");
    }

    /** evaluate, report, compare, bench, plugins, activations. */
    private void otherCommands() {
        add("evaluate", "a run folder that does not exist", w -> List.of("evaluate", w.dir().resolve("gone").toString()),
                "gone", "does not exist");
        add("evaluate", "a folder that is not a run", w -> List.of("evaluate", w.folder("empty")), "empty",
                "checkpoint");
        add("evaluate", "--data that is neither file nor map", w -> List.of("evaluate", w.run().toString(), "--data",
                "mnist"), "--data mnist", "neither a file nor an inline map");
        add("evaluate", "--data with an unknown source", w -> List.of("evaluate", w.run().toString(), "--data",
                "{source: irs}"), "--data.source", "irs", "iris");
        add("evaluate", "--data of another input width", w -> List.of("evaluate", w.run().toString(), "--data",
                "{source: gaussian-classification, features: 7, classes: 3}"), "7 features", "4");
        add("evaluate", "--data of other classes", w -> List.of("evaluate", w.run().toString(), "--data",
                "{source: gaussian-classification, features: 4, classes: 3}"), "--data", "classes", "--force");
        add("evaluate", "--data file that is not UTF-8", w -> List.of("evaluate", w.run().toString(), "--data",
                w.bytes("data.yaml", "source: idx\npath: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1))),
                "data.yaml is not UTF-8 text", "0xE9");
        add("report", "a folder that does not exist", w -> List.of("report", w.dir().resolve("gone").toString()),
                "gone", "no such directory");
        add("report", "a folder that is not a run", w -> List.of("report", w.folder("empty")), "empty",
                "not a run folder");
        add("report", "a damaged metrics.jsonl", w -> {
            Path copy = w.copyOfRun();
            Files.writeString(copy.resolve("metrics.jsonl"), "{\"iteration\": 1, \"loss\": \n{{{\n");
            return List.of("report", copy.toString());
        }, "metrics.jsonl", "line");
        add("report", "--output that is a folder", w -> List.of("report", w.run().toString(), "-o", w.folder("out")),
                "--output", "is a directory");
        add("compare", "one run only", w -> List.of("compare", w.run().toString()), "RUN_DIR");
        add("compare", "a folder that is not a run", w -> List.of("compare", w.run().toString(), w.folder("empty")),
                "empty", "not a run folder");
        add("bench", "zero rounds", w -> List.of("bench", w.config(iris(MODEL, TRAINING)), "--rounds", "0"),
                "--rounds", "at least 1");
        add("bench", "a bad config", w -> List.of("bench", w.config("data: iris\nmodle: {}\n"), "--skip-startup"),
                "modle", "did you mean 'model'");
        add("plugins", "an unknown family", w -> List.of("plugins", "--family", "activationz"), "activationz",
                "activation");
        add("activations", "an unknown activation", w -> List.of("activations", "rellu"), "rellu", "relu");
        add("example", "an unknown example", w -> List.of("example", "echo-arg"), "unknown example 'echo-arg'",
                "did you mean 'echo-args'", "examples: ");
        add("trainscope", "an unknown command", w -> List.of("trian"), "trian", "did you mean", "train");
    }

    /** {@code diagnose} of inputs it cannot probe. */
    private void diagnose() {
        add("diagnose", "a config that does not exist", w -> List.of("diagnose", w.dir().resolve("none.yaml").toString()),
                "none.yaml", "no such file or folder");
        add("diagnose", "a folder without config.yaml", w -> List.of("diagnose", w.folder("photos")), "photos",
                "without config.yaml");
        add("diagnose", "a config with a key twice", w -> List.of("diagnose", w.config(
                "data: iris\nmodel: {hidden: [4]}\nmodel: {hidden: [8]}\n"), "-o", w.output()),
                "model: given twice, on lines 2 and 3");
        add("diagnose", "an unknown activation", w -> List.of("diagnose", w.config(iris("{hidden: [4], activation: "
                + "rellu}", TRAINING)), "-o", w.output()), "model.activation", "did you mean 'relu'");
        add("diagnose", "zero iterations", w -> List.of("diagnose", w.config(iris(MODEL, TRAINING)), "--iterations",
                "0"), "--iterations", "at least 1", "0");
        add("diagnose", "an unknown --fail-on level", w -> List.of("diagnose", w.config(iris(MODEL, TRAINING)),
                "--fail-on", "sometimes"), "--fail-on", "sometimes", "info, warning, error or never");
    }

    /** {@code gradcheck} of inputs it cannot check. */
    private void gradcheck() {
        add("gradcheck", "a config that does not exist", w -> List.of("gradcheck", w.dir().resolve("none.yaml")
                .toString()), "none.yaml", "no such file or folder");
        add("gradcheck", "an unknown activation", w -> List.of("gradcheck", w.config(iris("{hidden: [4], activation: "
                + "rellu}", TRAINING))), "model.activation", "did you mean 'relu'");
        add("gradcheck", "zero examples", w -> List.of("gradcheck", w.config(iris(MODEL, TRAINING)), "--examples", "0"),
                "--examples", "at least 1");
        add("gradcheck", "a step too large", w -> List.of("gradcheck", w.config(iris(MODEL, TRAINING)), "--epsilon",
                "0.5"), "--epsilon", "(0, 0.1]", "0.5");
    }

    /** A folder no run can be written to: read-only, or, for root (who may write anywhere), under a file. */
    private static String unwritable(Workspace w) throws IOException {
        Path locked = Path.of(w.folder("locked"));
        if (locked.toFile().setWritable(false, false) && !Files.isWritable(locked)) {
            return locked.resolve("runs").toString();
        }
        return Path.of(w.file("locked-file", "a file, so nothing can be created under it")).resolve("runs").toString();
    }
}
