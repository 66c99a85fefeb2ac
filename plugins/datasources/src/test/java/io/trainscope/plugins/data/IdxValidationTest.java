package io.trainscope.plugins.data;

import io.trainscope.api.data.DataContext;
import io.trainscope.api.data.DataException;
import io.trainscope.api.data.LoadedData;
import io.trainscope.api.plugin.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way an IDX file can be broken ends in a DataException naming the file and what was expected. */
class IdxValidationTest {

    private static final String IMAGES = "t10k-images-idx3-ubyte";
    private static final String LABELS = "t10k-labels-idx1-ubyte";
    private static final int[] FIVE_LABELS = {0, 1, 2, 3, 4};
    /** 5 images of 3x2: 16 + 30 bytes. */
    private static final byte[] VALID_IMAGES = IdxBytes.images(5, 3, 2);
    private static final String ANNOUNCED = "the header announces 5 images of 3x2 (46 bytes)";

    @TempDir
    Path dir;

    private final IdxSource source = new IdxSource();

    @Test
    void rejectsTruncatedImagesFileNamingIt() throws IOException {
        write(IMAGES, IdxBytes.head(VALID_IMAGES, 40));
        write(LABELS, IdxBytes.labels(FIVE_LABELS));

        assertRejected(IMAGES, "truncated: " + ANNOUNCED + " but the file ends after 40 bytes");
    }

    @Test
    void rejectsTruncatedGzippedImagesFileNamingIt() throws IOException {
        write(IMAGES + ".gz", IdxBytes.gzip(IdxBytes.head(VALID_IMAGES, 40)));
        write(LABELS, IdxBytes.labels(FIVE_LABELS));

        assertRejected(IMAGES + ".gz", "truncated: " + ANNOUNCED + " but the file ends after 40 bytes");
    }

    @Test
    void rejectsGzippedImagesFileWhoseCompressedStreamIsCutOff() throws IOException {
        byte[] large = IdxBytes.images(200, 28, 28, randomBytes(200 * 28 * 28));
        byte[] gz = IdxBytes.gzip(large);
        write(IMAGES + ".gz", IdxBytes.head(gz, gz.length / 2));
        write(LABELS, IdxBytes.labels(new int[200]));

        DataException e = assertRejected(IMAGES + ".gz",
                "truncated: the header announces 200 images of 28x28 (156816 bytes) but the file ends after ");
        assertThat(e).hasMessageContaining("(the gzip stream is cut off)");
    }

    @Test
    void rejectsGzipThatHoldsAllTheDataButLacksItsTrailer() throws IOException {
        byte[] gz = IdxBytes.gzip(VALID_IMAGES);
        write(IMAGES + ".gz", IdxBytes.head(gz, gz.length - 8));
        write(LABELS, IdxBytes.labels(FIVE_LABELS));

        assertRejected(IMAGES + ".gz", "truncated: the gzip stream holds all 5 images of 3x2 (46 bytes)");
    }

    @Test
    void rejectsTruncatedLabelsFileNamingIt() throws IOException {
        write(IMAGES, VALID_IMAGES);
        byte[] labels = IdxBytes.labels(FIVE_LABELS);
        write(LABELS + ".gz", IdxBytes.gzip(IdxBytes.head(labels, labels.length - 2)));

        assertRejected(LABELS + ".gz", "truncated: the header announces 5 labels (13 bytes) but the file ends after 11 bytes");
    }

    @Test
    void rejectsAFileEndingInsideTheHeader() throws IOException {
        write(IMAGES, IdxBytes.head(VALID_IMAGES, 10));
        write(LABELS, IdxBytes.labels(FIVE_LABELS));

        assertRejected(IMAGES, "truncated: the file ends after 10 bytes, inside the 16-byte header of an IDX images file");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        write(IMAGES, new byte[0]);
        write(LABELS, IdxBytes.labels(FIVE_LABELS));

        assertRejectedWith(IMAGES, "the file is empty; expected an IDX images file (a header of 16 bytes followed by "
                + "the data)");
    }

    @Test
    void rejectsAnEmptyFileNamedGzipAsEmptyNotAsNotGzip() throws IOException {
        write(IMAGES, VALID_IMAGES);
        write(LABELS + ".gz", new byte[0]);

        assertRejectedWith(LABELS + ".gz", "the file is empty; expected an IDX labels file (a header of 8 bytes "
                + "followed by the data)");
    }

    @Test
    void rejectsAGzipFileThatDecompressesToNothing() throws IOException {
        write(IMAGES, VALID_IMAGES);
        write(LABELS + ".gz", IdxBytes.gzip(new byte[0]));

        assertRejectedWith(LABELS + ".gz", "the gzip file decompresses to nothing; expected an IDX labels file (a header "
                + "of 8 bytes followed by the data)");
    }

    @Test
    void rejectsAFileNamedGzipThatIsNotGzipBeforeAnythingAboutItsContents() throws IOException {
        write(IMAGES, VALID_IMAGES);
        write(LABELS + ".gz", "<!DOCTYPE html><html>Not Found</html>".getBytes(StandardCharsets.US_ASCII));

        assertRejectedWith(LABELS + ".gz", "not a gzip file although its name ends in .gz: it starts with the bytes "
                + "3C 21 44 4F, not the gzip signature 1F 8B (nor the magic number 0x00000801 of an uncompressed IDX "
                + "labels file); the file starts with the text \"<!DO\" (an error page saved by a failed download?); "
                + "copy or download the file again");
    }

    @Test
    void rejectsAShortBinaryFileNamedGzipAsNotGzipRatherThanTruncated() throws IOException {
        write(IMAGES + ".gz", new byte[]{0x50, 0x4B, 0x03});
        write(LABELS, IdxBytes.labels(FIVE_LABELS));

        assertRejectedWith(IMAGES + ".gz", "not a gzip file although its name ends in .gz: it starts with the bytes "
                + "50 4B 03, not the gzip signature 1F 8B (nor the magic number 0x00000803 of an uncompressed IDX "
                + "images file); copy or download the file again");
    }

    @Test
    void reportsATruncatedGzipImagesFileBeforeACountMismatchWithItsLabels() throws IOException {
        write(IMAGES + ".gz", IdxBytes.gzip(IdxBytes.head(VALID_IMAGES, 40)));
        write(LABELS, IdxBytes.labels(0, 1, 2, 3));

        assertRejectedWith(IMAGES + ".gz", "truncated: " + ANNOUNCED + " but the file ends after 40 bytes; copy or "
                + "download the file again");
    }

    @Test
    void reportsATruncatedLabelsFileBeforeACountMismatchWithItsImages() throws IOException {
        write(IMAGES, VALID_IMAGES);
        byte[] fourLabels = IdxBytes.labels(0, 1, 2, 3);
        write(LABELS + ".gz", IdxBytes.gzip(IdxBytes.head(fourLabels, fourLabels.length - 1)));

        assertRejectedWith(LABELS + ".gz", "truncated: the header announces 4 labels (12 bytes) but the file ends after "
                + "11 bytes; copy or download the file again");
    }

    @Test
    void reportsTrailingBytesInAGzipFileBeforeACountMismatch() throws IOException {
        write(IMAGES + ".gz", IdxBytes.gzip(IdxBytes.concat(VALID_IMAGES, new byte[2])));
        write(LABELS, IdxBytes.labels(0, 1, 2, 3));

        assertRejectedWith(IMAGES + ".gz", "2 unexpected bytes after the data: " + ANNOUNCED + " but the file has 48 "
                + "bytes; it is not the file its header describes");
    }

    @Test
    void reportsADamagedGzipStreamBeforeACountMismatch() throws IOException {
        byte[] gz = IdxBytes.gzip(VALID_IMAGES);
        gz[gz.length - 8] ^= 0x55;
        write(IMAGES + ".gz", gz);
        write(LABELS, IdxBytes.labels(0, 1, 2, 3));

        assertRejected(IMAGES + ".gz", "corrupt gzip stream after 46 bytes of uncompressed data");
    }

    @Test
    void rejectsTrailingBytesAfterTheAnnouncedData() throws IOException {
        write(IMAGES, IdxBytes.concat(VALID_IMAGES, new byte[]{1, 2, 3}));
        write(LABELS, IdxBytes.labels(FIVE_LABELS));

        assertRejected(IMAGES, "3 unexpected bytes after the data: " + ANNOUNCED + " but the file has 49 bytes");
    }

    @Test
    void rejectsTrailingBytesInsideAGzipStream() throws IOException {
        write(IMAGES + ".gz", IdxBytes.gzip(IdxBytes.concat(VALID_IMAGES, new byte[1])));
        write(LABELS, IdxBytes.labels(FIVE_LABELS));

        assertRejected(IMAGES + ".gz", "1 unexpected byte after the data: " + ANNOUNCED + " but the file has 47 bytes");
    }

    @Test
    void rejectsALabelsFileGivenAsImagesByItsMagicNumber() throws IOException {
        write(IMAGES, IdxBytes.labels(FIVE_LABELS));
        write(LABELS, IdxBytes.labels(FIVE_LABELS));

        assertRejected(IMAGES, "wrong magic number 0x00000801: this is an IDX labels file, "
                + "expected an IDX images file (magic 0x00000803)");
    }

    @Test
    void rejectsAnUnknownMagicNumber() throws IOException {
        byte[] images = VALID_IMAGES.clone();
        images[3] = 0x04;
        write(IMAGES, images);
        write(LABELS, IdxBytes.labels(FIVE_LABELS));

        assertRejected(IMAGES, "wrong magic number 0x00000804, expected 0x00000803");
    }

    @Test
    void recognisesATextFileSavedInsteadOfData() throws IOException {
        write(IMAGES, VALID_IMAGES);
        write(LABELS, "<!DOCTYPE html><html>Not Found</html>".getBytes(StandardCharsets.US_ASCII));

        assertRejected(LABELS, "the file starts with the text \"<!DO\" (an error page saved by a failed download?)");
    }

    @Test
    void rejectsImageAndLabelCountsThatDiffer() throws IOException {
        write(IMAGES, VALID_IMAGES);
        write(LABELS, IdxBytes.labels(0, 1, 2, 3));

        assertRejected(IMAGES, "holds 5 images but t10k-labels-idx1-ubyte holds 4 labels; "
                + "the two files must belong to the same set");
    }

    @Test
    void rejectsALabelOutsideTheClasses() throws IOException {
        write(IMAGES, VALID_IMAGES);
        write(LABELS, IdxBytes.labels(0, 1, 10, 3, 4));

        assertRejected(LABELS, "label 10 at index 2 is out of range: with 10 classes labels must be 0..9");
    }

    @Test
    void checksLabelsBeyondTheLimitToo() throws IOException {
        write(IMAGES, VALID_IMAGES);
        write(LABELS, IdxBytes.labels(0, 1, 2, 3, 200));

        assertThatThrownBy(() -> load(Map.of("limit", 2)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("label 200 at index 4 is out of range");
    }

    @Test
    void rejectsNonPositiveDimensions() throws IOException {
        write(IMAGES, IdxBytes.images(5, 0, 2, new byte[0]));
        write(LABELS, IdxBytes.labels(FIVE_LABELS));

        assertRejected(IMAGES, "invalid header: it announces 5 images of 0x2; count, rows and columns must be positive");
    }

    @Test
    void rejectsAnAbsurdHeaderBeforeAllocatingAnything() throws IOException {
        write(IMAGES, IdxBytes.images(Integer.MAX_VALUE, 60000, 60000, new byte[30]));
        write(LABELS, IdxBytes.labels(FIVE_LABELS));

        assertRejected(IMAGES, "the header announces 2147483647 images of 60000x60000 (7730941129200000016 bytes), "
                + "more than the 2147483647 bytes an IDX file may have here: the header is corrupt");
    }

    @Test
    void rejectsAPlainFileTooShortForItsHeaderWithoutReadingIt() throws IOException {
        write(IMAGES, IdxBytes.images(60000, 28, 28, new byte[30]));
        write(LABELS, IdxBytes.labels(FIVE_LABELS));

        assertRejected(IMAGES, "truncated: the header announces 60000 images of 28x28 (47040016 bytes) "
                + "but the file ends after 46 bytes");
    }

    @Test
    void rejectsAGzipFileTooSmallForWhatItsHeaderAnnounces() throws IOException {
        byte[] gz = IdxBytes.gzip(IdxBytes.images(100000, 100, 100, new byte[30]));
        write(IMAGES + ".gz", gz);
        write(LABELS, IdxBytes.labels(FIVE_LABELS));

        assertRejected(IMAGES + ".gz", "the header announces 100000 images of 100x100 (1000000016 bytes), but a gzip file of "
                + gz.length + " bytes cannot hold more than about " + (gz.length * 1032L + 1024)
                + " bytes: the file is truncated or its header corrupt");
    }

    @Test
    void rejectsACorruptGzipStreamNamingTheFile() throws IOException {
        byte[] gz = IdxBytes.gzip(VALID_IMAGES);
        Arrays.fill(gz, 10, gz.length - 8, (byte) 0xFF);
        write(IMAGES + ".gz", gz);
        write(LABELS, IdxBytes.labels(FIVE_LABELS));

        DataException e = assertRejected(IMAGES + ".gz", "corrupt gzip stream after 0 bytes of uncompressed data");
        assertThat(e).hasMessageContaining("copy or download the file again");
    }

    @Test
    void rejectsAGzipFileWhoseChecksumDoesNotMatch() throws IOException {
        byte[] gz = IdxBytes.gzip(VALID_IMAGES);
        gz[gz.length - 8] ^= 0x55;
        write(IMAGES + ".gz", gz);
        write(LABELS, IdxBytes.labels(FIVE_LABELS));

        assertRejected(IMAGES + ".gz", "corrupt gzip stream after 46 bytes of uncompressed data");
    }

    /** The load fails with one line that starts with the file's path and contains {@code expected}. */
    private DataException assertRejected(String file, String expected) {
        Path path = dir.resolve(file);
        try {
            load();
        } catch (DataException e) {
            assertThat(e.getMessage()).startsWith(path + ": ").contains(expected).doesNotContain("\n");
            return e;
        } catch (IOException e) {
            throw new AssertionError("expected a DataException, got " + e, e);
        }
        throw new AssertionError("expected a DataException for " + file);
    }

    /** The load fails with exactly "path: expected". */
    private void assertRejectedWith(String file, String expected) {
        assertThat(assertRejected(file, expected)).hasMessage(dir.resolve(file) + ": " + expected);
    }

    private LoadedData load() throws IOException {
        return load(Map.of());
    }

    private LoadedData load(Map<String, ?> raw) throws IOException {
        Map<String, Object> withPath = new HashMap<>(raw);
        withPath.put("path", dir.toString());
        return source.load(Parameters.resolve(source, withPath), new DataContext(1, dir, dir));
    }

    private void write(String name, byte[] content) throws IOException {
        Files.write(dir.resolve(name), content);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SplittableRandom(7).nextBytes(b);
        return b;
    }
}
