package io.trainscope.plugins.data.internal;

import io.trainscope.api.data.DataException;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits delimited text into records, following RFC 4180's quoting: a field may be enclosed in
 * double quotes, inside which the delimiter and line breaks are ordinary characters and a
 * doubled quote ({@code ""}) stands for one quote.
 *
 * <p>Beyond RFC 4180: unquoted fields are trimmed, blanks around a quoted field are ignored,
 * {@code \n}, {@code \r\n} and {@code \r} all end a line, blank lines are skipped and a leading
 * byte-order mark is dropped. A quote inside an unquoted field, text after a closing quote and
 * a quote that is never closed are {@link DataException}s naming the source and line.
 */
public final class CsvParser implements Closeable {

    private final Reader in;
    private final char delimiter;
    private final String source;
    private final char[] buf = new char[1 << 14];
    private int pos;
    private int len;
    private int line = 1;
    private int recordLine;
    private boolean started;

    /**
     * @param in        the text; closed by {@link #close()}
     * @param delimiter the field separator, not a quote or line break
     * @param source    how errors name the input (usually the file's path)
     */
    public CsvParser(Reader in, char delimiter, String source) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
        }
        this.in = in;
        this.delimiter = delimiter;
        this.source = source;
    }

    /** The 1-based line on which the record last returned by {@link #next()} starts. */
    public int line() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the input. */
    public List<String> next() throws IOException {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                read();
            }
        }
        while (true) {
            List<String> record = record();
            if (record == null) {
                return null;
            }
            if (!record.isEmpty()) {
                return record;
            }
        }
    }

    /** The next record, an empty list for a blank line, or null at the end of the input. */
    private List<String> record() throws IOException {
        if (peek() < 0) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            field.setLength(0);
            int c = skipBlanks(read());
            if (c == '"') {
                c = quotedField(field);
            } else {
                c = unquotedField(c, field);
                if (field.isEmpty() && fields.isEmpty() && c != delimiter) {
                    endOfRecord(c);
                    return List.of();
                }
            }
            fields.add(field.toString());
            if (c != delimiter) {
                endOfRecord(c);
                return fields;
            }
        }
    }

    /** Skips spaces and tabs (unless one is the delimiter) from {@code c} on; returns the first other character. */
    private int skipBlanks(int c) throws IOException {
        while ((c == ' ' || c == '\t') && c != delimiter) {
            c = read();
        }
        return c;
    }

    /** Reads a quoted field after its opening quote into {@code field}; returns the character after it. */
    private int quotedField(StringBuilder field) throws IOException {
        int opened = line;
        while (true) {
            int c = read();
            if (c < 0) {
                throw new DataException(source + ": line " + opened
                        + ": a quoted field is never closed (a \" opens it but no \" ends it)");
            }
            if (c == '"' && peek() != '"') {
                break;
            }
            if (c == '"') {
                read();
                field.append('"');
            } else if (c == '\r' || c == '\n') {
                endOfLine(c);
                field.append('\n');
            } else {
                field.append((char) c);
            }
        }
        int c = skipBlanks(read());
        if (c != delimiter && c != '\n' && c != '\r' && c >= 0) {
            throw new DataException(source + ": line " + line + ": unexpected '" + (char) c
                    + "' after the closing quote of a field; a quoted field must be followed by the delimiter '"
                    + delimiter + "' or the end of the line");
        }
        return c;
    }

    /** Reads an unquoted field starting at {@code c} into {@code field}, stripped; returns the character after it. */
    private int unquotedField(int c, StringBuilder field) throws IOException {
        while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
            if (c == '"') {
                throw new DataException(source + ": line " + line + ": a \" inside an unquoted field; "
                        + "enclose the whole field in quotes and double the quote (\"\")");
            }
            field.append((char) c);
            c = read();
        }
        String value = field.toString().strip();
        field.setLength(0);
        field.append(value);
        return c;
    }

    private void endOfRecord(int c) throws IOException {
        if (c >= 0) {
            endOfLine(c);
        }
    }

    private void endOfLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private int peek() throws IOException {
        if (pos == len && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private int read() throws IOException {
        if (pos == len && !fill()) {
            return -1;
        }
        return buf[pos++];
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        len = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
