package io.trainscope.core.run;

import io.trainscope.core.TrainscopeException;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file of a run's output (a checkpoint, {@code metrics.jsonl}, {@code config.yaml}) could not be
 * written: a full disk, a read-only folder. The message is one line naming the file, the cause and
 * the fix. Files are written to a temporary file and then renamed ({@link AtomicFiles}), so what was
 * written before stays whole: the previous checkpoint is kept and a run resumes from it. A run that
 * meets one ends and the exception reaches the caller (the CLI prints its message; a sweep stops).
 */
public class OutputException extends TrainscopeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    private OutputException(Path file, String message, IOException cause) {
        super(message, cause);
        this.file = file;
    }

    /** {@code file} could not be written because of {@code e}. */
    public static OutputException cannotWrite(Path file, IOException e) {
        String elsewhere = full(e) ? ", or write the runs to another one (--output DIR)"
                : ", or write the runs elsewhere (--output DIR)";
        return new OutputException(file, "cannot write " + file + ": " + cause(file, e) + "; " + remedy(file, e)
                + elsewhere + "; files written before are kept, and a run resumes from its last checkpoint "
                + "(trainscope train --resume RUN_DIR)", e);
    }

    /**
     * {@code file}, a command's result beside a run (an evaluation, a diagnosis), could not be
     * written because of {@code e}: the fix is to make room and run the command again.
     */
    public static OutputException cannotWriteResult(Path file, IOException e) {
        return new OutputException(file, "cannot write " + file + ": " + cause(file, e) + "; " + remedy(file, e)
                + ", then run the command again", e);
    }

    /** The file that could not be written. */
    public Path file() {
        return file;
    }

    /** The cause in words, without the file name when it is the file already named. */
    private static String cause(Path file, IOException e) {
        if (Files.isDirectory(file)) {
            return "a folder is in its place";
        }
        if (e instanceof FileSystemException f && f.getReason() != null && file.toString().equals(f.getFile())) {
            return f.getReason();
        }
        return FileProblems.describe(e);
    }

    /** Whether {@code e} says the disk (or the user's quota) is full. */
    private static boolean full(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("no space left") || m.contains("quota") || m.contains("file too large");
    }

    /** What makes the write possible: room on the disk, the folder in the way moved, or write permission. */
    private static String remedy(Path file, IOException e) {
        if (full(e)) {
            return "free space on that disk";
        }
        return Files.isDirectory(file) ? "move that folder out of the way" : "make the folder writable";
    }
}
