package io.trainscope.plugins.data.internal;

import io.trainscope.api.data.DataException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Fetches the official MNIST and Fashion-MNIST files from public mirrors, checking each file's
 * size and SHA-256 before it is kept. A file is written as {@code name.part} and renamed only
 * once verified, so an interrupted or corrupt download never looks like data.
 *
 * <p>Without network access every mirror fails at once (connection refused or unknown host)
 * and the {@link DataException} lists the files, the mirrors and the directory to put them in.
 * Connecting times out after {@link #CONNECT_TIMEOUT}, a stalled transfer after
 * {@link #READ_TIMEOUT} without data.
 */
public final class IdxDownloads {

    /** How long to wait for a mirror to accept the connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long a transfer may go without receiving data. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /**
     * One file of a data set as published.
     *
     * @param name   the file name on the mirror and on disk
     * @param size   its exact size in bytes
     * @param sha256 its SHA-256, lower-case hex
     */
    public record RemoteFile(String name, long size, String sha256) {
        public RemoteFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * A data set: where to get it and what its files must be.
     *
     * @param name    the data set's name, as the {@code download} parameter spells it
     * @param mirrors base URIs tried in order; each file is fetched as {@code mirror + name}
     * @param files   the files and their checksums
     */
    public record Catalog(String name, List<URI> mirrors, List<RemoteFile> files) {
        public Catalog {
            mirrors = List.copyOf(mirrors);
            files = List.copyOf(files);
        }
    }

    /**
     * MNIST (LeCun, Cortes, Burges), the four gzip files. Sizes and checksums as pinned by
     * TensorFlow Datasets; the t10k pair was also checked against the shared copy.
     */
    public static final Catalog MNIST = new Catalog("mnist",
            List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")),
            List.of(new RemoteFile("train-images-idx3-ubyte.gz", 9_912_422,
                            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
                    new RemoteFile("train-labels-idx1-ubyte.gz", 28_881,
                            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
                    new RemoteFile("t10k-images-idx3-ubyte.gz", 1_648_877,
                            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
                    new RemoteFile("t10k-labels-idx1-ubyte.gz", 4_542,
                            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6")));

    /** Fashion-MNIST (Zalando Research), the four gzip files; sizes and checksums as pinned by TensorFlow Datasets. */
    public static final Catalog FASHION_MNIST = new Catalog("fashion-mnist",
            List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
                    URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/")),
            List.of(new RemoteFile("train-images-idx3-ubyte.gz", 26_421_880,
                            "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
                    new RemoteFile("train-labels-idx1-ubyte.gz", 29_515,
                            "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
                    new RemoteFile("t10k-images-idx3-ubyte.gz", 4_422_102,
                            "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
                    new RemoteFile("t10k-labels-idx1-ubyte.gz", 5_148,
                            "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5")));

    /** Every catalog {@code download:} accepts, by name (the tests verify each file's checksum where a copy exists). */
    public static final List<Catalog> ALL = List.of(MNIST, FASHION_MNIST);

    private IdxDownloads() {
    }

    /**
     * Downloads every file of {@code catalog} that {@code dir} does not hold yet (neither as
     * {@code name} nor uncompressed without {@code .gz}), creating the directory if needed.
     *
     * @throws DataException when a file cannot be fetched and verified from any mirror, listing
     *                       the files, the mirrors and where to put the files by hand
     */
    public static void fetchMissing(Catalog catalog, Path dir) throws IOException {
        List<RemoteFile> missing = new ArrayList<>();
        for (RemoteFile file : catalog.files()) {
            String plain = file.name().endsWith(".gz") ? file.name().substring(0, file.name().length() - 3) : file.name();
            if (!Files.isRegularFile(dir.resolve(file.name())) && !Files.isRegularFile(dir.resolve(plain))) {
                missing.add(file);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        boolean created = !Files.exists(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DataException(dir + ": cannot create the directory to download " + catalog.name() + " into ("
                    + e + ")", e);
        }
        try {
            fetch(catalog, missing, dir);
        } catch (DataException e) {
            if (created) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(dir);
                    }
                }
            }
            throw e;
        }
    }

    private static void fetch(Catalog catalog, List<RemoteFile> missing, Path dir) {
        for (RemoteFile file : missing) {
            List<String> failures = new ArrayList<>();
            boolean fetched = false;
            for (URI mirror : catalog.mirrors()) {
                URI uri = mirror.resolve(file.name());
                try {
                    download(uri, file, dir);
                    fetched = true;
                    break;
                } catch (IOException | DataException e) {
                    failures.add(uri + ": " + (e instanceof DataException ? e.getMessage() : e.toString()));
                }
            }
            if (!fetched) {
                throw new DataException(dir + ": could not download " + catalog.name() + "'s " + file.name()
                        + " (" + String.join("; ", failures) + "). Without network access, download "
                        + String.join(", ", catalog.files().stream().map(RemoteFile::name).toList())
                        + " by hand from " + String.join(" or ", catalog.mirrors().stream().map(URI::toString).toList())
                        + " and put them in " + dir);
            }
        }
    }

    /**
     * Checks a file's size and SHA-256 against the published values.
     *
     * @throws DataException naming the file with the expected and the actual values
     */
    public static void verify(Path path, RemoteFile expected) throws IOException {
        long size = Files.size(path);
        if (size != expected.size()) {
            throw new DataException(path + ": " + size + " bytes, but " + expected.name() + " has "
                    + expected.size() + " bytes; the file is not the published one");
        }
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected.sha256())) {
            throw new DataException(path + ": SHA-256 " + actual + " does not match the published "
                    + expected.sha256() + " of " + expected.name() + "; the file is damaged or not the published one");
        }
    }

    private static void download(URI uri, RemoteFile file, Path dir) throws IOException {
        Path part = dir.resolve(file.name() + ".part");
        try {
            URLConnection connection = uri.toURL().openConnection();
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
            if (connection instanceof HttpURLConnection http && http.getResponseCode() != HttpURLConnection.HTTP_OK) {
                throw new IOException("HTTP " + http.getResponseCode() + " " + http.getResponseMessage());
            }
            try (InputStream in = connection.getInputStream();
                 OutputStream out = Files.newOutputStream(part)) {
                byte[] buf = new byte[1 << 16];
                long total = 0;
                int n;
                while ((n = in.read(buf)) >= 0) {
                    total += n;
                    if (total > file.size()) {
                        throw new IOException("more than the " + file.size() + " bytes " + file.name() + " has");
                    }
                    out.write(buf, 0, n);
                }
            }
            verify(part, file);
            Path target = dir.resolve(file.name());
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
