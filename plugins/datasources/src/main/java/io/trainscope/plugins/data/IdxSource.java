package io.trainscope.plugins.data;

import io.trainscope.api.data.DataContext;
import io.trainscope.api.data.DataException;
import io.trainscope.api.data.DataSource;
import io.trainscope.api.data.Examples;
import io.trainscope.api.data.LoadedData;
import io.trainscope.api.data.Task;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.plugins.data.internal.IdxDownloads;
import io.trainscope.plugins.data.internal.IdxFile;
import io.trainscope.plugins.data.internal.Matrices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads images and labels in the MNIST layout from a directory ({@code idx}): Fashion-MNIST,
 * MNIST or anything else written as IDX unsigned bytes.
 *
 * <p>The directory holds up to two parts, each an images file and a labels file, each optionally
 * gzip-compressed (recognised by content, not by the {@code .gz} suffix):
 * <pre>
 * train-images-idx3-ubyte[.gz]   train-labels-idx1-ubyte[.gz]   -> part "train"
 * t10k-images-idx3-ubyte[.gz]    t10k-labels-idx1-ubyte[.gz]    -> part "t10k"
 * </pre>
 * Every part whose two files exist is returned, in that order; one file of a pair without the
 * other, or a directory with neither pair, is a {@link DataException}. When both {@code x} and
 * {@code x.gz} exist (as in torchvision's {@code raw} folder) the uncompressed file is read.
 *
 * <p>Each image becomes one row of {@code rows x columns} features, row-major; targets are the
 * labels as class indices. All validation of the files (magic numbers, sizes, truncation,
 * trailing bytes, label range, gzip damage) is described in {@link IdxFile}.
 *
 * <p>With {@code download: mnist} or {@code download: fashion-mnist}, the official gzip files
 * the directory lacks are first fetched into it from public mirrors and checked against their
 * published SHA-256 ({@link IdxDownloads}); later runs find them there and need no network.
 * Without network access this fails at once, saying which files to put where.
 */
public final class IdxSource implements DataSource {

    private static final Logger LOG = LoggerFactory.getLogger(IdxSource.class);

    /** The class names of MNIST's digits. */
    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    /** The class names of Fashion-MNIST, in label order. */
    static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    static final ParameterSpec PATH = ParameterSpec.text("path", null,
            "directory holding the IDX files; relative paths resolve against the config's directory");
    static final ParameterSpec SCALE = ParameterSpec.bool("scale", true, "divide pixels by 255 into [0, 1]");
    static final ParameterSpec LIMIT = ParameterSpec.integer("limit", 0,
            "at most this many examples per part (the first ones); 0 reads all").between(0, Integer.MAX_VALUE);
    static final ParameterSpec CLASS_NAMES = ParameterSpec.choice("class-names", "digits", List.of("digits", "fashion"),
            "digits: 0..9; fashion: Fashion-MNIST's T-shirt/top .. Ankle boot");

    static final ParameterSpec DOWNLOAD = ParameterSpec.choice("download", "none", List.of("none", "mnist", "fashion-mnist"),
            "fetch this data set's missing files into path first, verifying their SHA-256; none reads only what is there");

    /** The parts an IDX directory may hold, in the order they are returned. */
    static final List<String> PARTS = List.of("train", "t10k");

    private final Map<String, IdxDownloads.Catalog> catalogs;

    /** The source as {@link java.util.ServiceLoader} creates it, downloading from the public mirrors. */
    public IdxSource() {
        this(IdxDownloads.ALL.stream().collect(Collectors.toMap(IdxDownloads.Catalog::name, c -> c)));
    }

    /** A source downloading from other catalogs (tests use local servers). */
    IdxSource(Map<String, IdxDownloads.Catalog> catalogs) {
        this.catalogs = Map.copyOf(catalogs);
    }

    @Override
    public String name() {
        return "idx";
    }

    @Override
    public String description() {
        return "MNIST-layout IDX images and labels (gzip or not) from a directory";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(PATH, SCALE, LIMIT, CLASS_NAMES, DOWNLOAD);
    }

    @Override
    public LoadedData load(Parameters params, DataContext context) throws IOException {
        Path dir = context.resolve(params.text(PATH.name()));
        boolean scale = params.bool(SCALE.name());
        int limit = params.integer(LIMIT.name());
        List<String> classNames = "fashion".equals(params.text(CLASS_NAMES.name())) ? FASHION : DIGITS;
        IdxDownloads.Catalog catalog = catalogs.get(params.text(DOWNLOAD.name()));
        if (catalog != null) {
            IdxDownloads.fetchMissing(catalog, dir);
        }
        checkDirectory(dir);

        Map<String, Examples> parts = new LinkedHashMap<>();
        IdxFile.Header first = null;
        for (String part : PARTS) {
            Path images = find(dir, imagesName(part));
            Path labels = find(dir, labelsName(part));
            if (images == null && labels == null) {
                continue;
            }
            if (labels == null) {
                throw new DataException(dir + ": found " + images.getFileName() + " but not its labels "
                        + labelsName(part) + " (or " + labelsName(part) + ".gz); put the labels file beside it");
            }
            if (images == null) {
                throw new DataException(dir + ": found " + labels.getFileName() + " but not its images "
                        + imagesName(part) + " (or " + imagesName(part) + ".gz); put the images file beside it");
            }
            IdxFile.Images read = IdxFile.readImages(images, limit, scale);
            first = first == null ? read.header() : sameImageSize(first, read.header());
            parts.put(part, pair(read, labels, limit, classNames.size()));
        }
        if (parts.isEmpty()) {
            throw new DataException(dir + ": no IDX data found. Expected the pair " + imagesName("train") + " + "
                    + labelsName("train") + " and/or " + imagesName("t10k") + " + " + labelsName("t10k")
                    + ", each optionally gzipped (.gz); put them in this directory. " + contents(dir));
        }
        return new LoadedData(new Task.Classification(classNames), parts);
    }

    /**
     * Pairs images with their labels file, reporting first what a user must fix first: each file is validated whole
     * (not gzip, damaged, empty, truncated, trailing bytes, labels out of range), the images file
     * before the labels file, and only then are the two files' counts compared.
     */
    private static Examples pair(IdxFile.Images images, Path labelsFile, int limit, int classes) throws IOException {
        Path imagesFile = images.header().file();
        IdxFile.Labels labels = IdxFile.readLabels(labelsFile, limit, classes);
        if (images.header().count() != labels.header().count()) {
            throw new DataException(imagesFile + ": the file holds " + images.header().count() + " images but "
                    + labelsFile.getFileName() + " holds " + labels.header().count()
                    + " labels; the two files must belong to the same set");
        }
        int n = images.loaded();
        return new Examples(Matrices.matrix(images.pixels(), n, images.header().itemBytes()),
                Matrices.matrix(labels.labels(), n, 1));
    }

    /** {@code first}, if {@code next} holds images of its size; the parts of one data set must agree. */
    private static IdxFile.Header sameImageSize(IdxFile.Header first, IdxFile.Header next) {
        if (first.rows() != next.rows() || first.columns() != next.columns()) {
            throw new DataException(next.file() + ": images of " + next.rows() + "x" + next.columns() + ", but "
                    + first.file().getFileName() + " holds images of " + first.rows() + "x" + first.columns()
                    + "; the parts of one data set must have the same image size (one network reads them all)");
        }
        return first;
    }

    private static void checkDirectory(Path dir) {
        if (!Files.exists(dir)) {
            throw new DataException(dir + ": no such directory; set path to the directory holding "
                    + imagesName("train") + " and the other IDX files");
        }
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir + ": not a directory; path must name the directory that holds "
                    + "the IDX files, not a file");
        }
    }

    /** The plain file if present, else the {@code .gz} one, else null. */
    private static Path find(Path dir, String name) {
        Path plain = dir.resolve(name);
        Path gz = dir.resolve(name + ".gz");
        boolean hasPlain = Files.isRegularFile(plain);
        boolean hasGz = Files.isRegularFile(gz);
        if (hasPlain && hasGz) {
            LOG.info("{} and {} both exist; reading the uncompressed file", plain, gz.getFileName());
        }
        return hasPlain ? plain : hasGz ? gz : null;
    }

    private static String contents(Path dir) throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        if (names.isEmpty()) {
            return "The directory is empty.";
        }
        int shown = Math.min(names.size(), 10);
        return "The directory holds " + String.join(", ", names.subList(0, shown))
                + (names.size() > shown ? " and " + (names.size() - shown) + " more" : "") + ".";
    }

    static String imagesName(String part) {
        return part + "-images-idx3-ubyte";
    }

    static String labelsName(String part) {
        return part + "-labels-idx1-ubyte";
    }
}
