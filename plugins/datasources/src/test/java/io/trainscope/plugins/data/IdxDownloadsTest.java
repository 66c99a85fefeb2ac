package io.trainscope.plugins.data;

import com.sun.net.httpserver.HttpServer;
import io.trainscope.api.data.DataContext;
import io.trainscope.api.data.DataException;
import io.trainscope.api.data.LoadedData;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.plugins.data.internal.IdxDownloads.Catalog;
import io.trainscope.plugins.data.internal.IdxDownloads.RemoteFile;
import io.trainscope.plugins.data.internal.IdxDownloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** The download helper, against servers on this machine only: no test here needs the internet. */
class IdxDownloadsTest {

    private static final byte[] IMAGES = IdxBytes.gzip(IdxBytes.images(4, 2, 2));
    private static final byte[] LABELS = IdxBytes.gzip(IdxBytes.labels(1, 2, 3, 4));

    @TempDir
    Path dir;

    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void downloadsMissingFilesAndKeepsThemOnceVerified() throws IOException {
        URI mirror = serve(Map.of("/t10k-images-idx3-ubyte.gz", IMAGES, "/t10k-labels-idx1-ubyte.gz", LABELS));

        IdxDownloads.fetchMissing(catalog(mirror), dir.resolve("data"));

        assertThat(dir.resolve("data/t10k-images-idx3-ubyte.gz")).hasBinaryContent(IMAGES);
        assertThat(dir.resolve("data/t10k-labels-idx1-ubyte.gz")).hasBinaryContent(LABELS);
        assertThat(dir.resolve("data")).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void idxSourceDownloadsIntoItsPathWhenAskedTo() throws IOException {
        URI mirror = serve(Map.of("/t10k-images-idx3-ubyte.gz", IMAGES, "/t10k-labels-idx1-ubyte.gz", LABELS));
        IdxSource source = new IdxSource(Map.of("mnist", catalog(mirror)));

        LoadedData data = source.load(Parameters.resolve(source, Map.of("path", "mnist", "download", "mnist")),
                new DataContext(1, dir, dir));

        assertThat(data.parts().get("t10k").size()).isEqualTo(4);
    }

    @Test
    void fallsBackToTheNextMirrorWhenAFileDoesNotMatchItsChecksum() throws IOException {
        byte[] damaged = IMAGES.clone();
        damaged[damaged.length / 2] ^= 1;
        URI bad = serve(Map.of("/t10k-images-idx3-ubyte.gz", damaged, "/t10k-labels-idx1-ubyte.gz", LABELS));
        URI good = serve(Map.of("/t10k-images-idx3-ubyte.gz", IMAGES, "/t10k-labels-idx1-ubyte.gz", LABELS));

        IdxDownloads.fetchMissing(catalog(bad, good), dir);

        assertThat(dir.resolve("t10k-images-idx3-ubyte.gz")).hasBinaryContent(IMAGES);
    }

    @Test
    void rejectsADownloadWhoseChecksumNoMirrorMatchesKeepingNothing() throws IOException {
        byte[] damaged = IMAGES.clone();
        damaged[damaged.length / 2] ^= 1;
        URI bad = serve(Map.of("/t10k-images-idx3-ubyte.gz", damaged, "/t10k-labels-idx1-ubyte.gz", LABELS));

        assertThatThrownBy(() -> IdxDownloads.fetchMissing(catalog(bad), dir))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("could not download test's t10k-images-idx3-ubyte.gz")
                .hasMessageContaining("does not match the published " + sha256(IMAGES));
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void failsFastSayingWhereToPutTheFilesWhenNoMirrorAnswers() throws IOException {
        URI unreachable = URI.create("http://127.0.0.1:" + closedPort() + "/mnist/");
        IdxSource source = new IdxSource(Map.of("mnist", catalog(unreachable)));
        Path target = dir.resolve("mnist");

        assertThatThrownBy(() -> source.load(Parameters.resolve(source, Map.of("path", target.toString(),
                "download", "mnist")), new DataContext(1, dir, dir)))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(target + ": could not download test's t10k-images-idx3-ubyte.gz ("
                        + unreachable + "t10k-images-idx3-ubyte.gz: java.net.ConnectException: ")
                .hasMessageEndingWith("). Without network access, download t10k-images-idx3-ubyte.gz, "
                        + "t10k-labels-idx1-ubyte.gz by hand from " + unreachable + " and put them in " + target)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(target).as("a directory created only for the failed download is removed").doesNotExist();
    }

    @Test
    void skipsFilesTheDirectoryAlreadyHolds() throws IOException {
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), new byte[]{1});
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), new byte[]{2});
        URI unreachable = URI.create("http://127.0.0.1:" + closedPort() + "/");

        IdxDownloads.fetchMissing(catalog(unreachable), dir);

        assertThat(dir.resolve("t10k-labels-idx1-ubyte.gz")).hasBinaryContent(new byte[]{2});
    }

    @Test
    void namesTheHttpStatusOfAMirrorWithoutTheFile() throws IOException {
        URI empty = serve(Map.of());

        assertThatThrownBy(() -> IdxDownloads.fetchMissing(catalog(empty), dir))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(dir + ": could not download test's t10k-images-idx3-ubyte.gz (" + empty
                        + "t10k-images-idx3-ubyte.gz: java.io.IOException: HTTP 404 Not Found). Without network access");
        assertThat(dir).isEmptyDirectory();
    }

    /**
     * Every pinned file of every catalog is checked against a local copy in the shared data sets
     * ({@code <datasets>/<catalog name>/<file>}): one test per file, skipped, naming the file, only
     * where that copy is absent (the shared copy holds MNIST's t10k pair; Fashion-MNIST's folder
     * there is a sample, not the published files, and is not named like the catalog).
     */
    @TestFactory
    Stream<DynamicTest> everyPinnedFileMatchesItsLocalCopyWhereThereIsOne() {
        assertThat(IdxDownloads.ALL).extracting(Catalog::name).containsExactly("mnist", "fashion-mnist");
        return IdxDownloads.ALL.stream().flatMap(catalog -> catalog.files().stream().map(file ->
                dynamicTest(catalog.name() + "/" + file.name(), () -> {
                    Optional<Path> local = SharedDatasets.root().map(r -> r.resolve(catalog.name()).resolve(file.name()));
                    assumeTrue(local.isPresent(), "no shared data sets, so " + catalog.name() + "/" + file.name()
                            + " cannot be checked; " + SharedDatasets.HOW_TO);
                    assumeTrue(Files.isRegularFile(local.get()), local.get() + " is absent: its checksum "
                            + file.sha256() + " is not checked here");
                    IdxDownloads.verify(local.get(), file);
                })));
    }

    @Test
    void theSharedMnistCopyHoldsTheT10kPairSoItsChecksumsAreCheckedWhereverItExists() {
        Optional<Path> mnist = SharedDatasets.find("mnist");
        assumeTrue(mnist.isPresent(), "shared data set 'mnist' not found; " + SharedDatasets.HOW_TO);
        assertThat(mnist.get().resolve("t10k-images-idx3-ubyte.gz")).isRegularFile();
        assertThat(mnist.get().resolve("t10k-labels-idx1-ubyte.gz")).isRegularFile();
    }

    @Test
    void verifyRejectsAFileThatDiffersFromThePublishedOne() throws IOException {
        RemoteFile published = new RemoteFile("t10k-labels-idx1-ubyte.gz", LABELS.length, sha256(LABELS));
        byte[] altered = LABELS.clone();
        altered[20] ^= 0x10;
        Path file = Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), altered);
        Path shorter = Files.write(dir.resolve("short.gz"), IdxBytes.head(LABELS, 10));

        assertThatThrownBy(() -> IdxDownloads.verify(file, published))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ": SHA-256 " + sha256(altered) + " does not match the published " + sha256(LABELS)
                        + " of t10k-labels-idx1-ubyte.gz; the file is damaged or not the published one");
        assertThatThrownBy(() -> IdxDownloads.verify(shorter, published))
                .hasMessage(shorter + ": 10 bytes, but t10k-labels-idx1-ubyte.gz has " + LABELS.length
                        + " bytes; the file is not the published one");
    }

    private static Catalog catalog(URI... mirrors) {
        return new Catalog("test", List.of(mirrors), List.of(
                new RemoteFile("t10k-images-idx3-ubyte.gz", IMAGES.length, sha256(IMAGES)),
                new RemoteFile("t10k-labels-idx1-ubyte.gz", LABELS.length, sha256(LABELS))));
    }

    private URI serve(Map<String, byte[]> files) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
