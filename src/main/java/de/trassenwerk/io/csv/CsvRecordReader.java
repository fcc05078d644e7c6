package de.trassenwerk.io.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (RFC 4180 and the common variants): quoted fields may hold delimiters, line
 * breaks and doubled quotes; CRLF, LF and CR end lines; blank lines are skipped. Knows the line on
 * which each record starts. Used by one thread.
 */
final class CsvRecordReader {
    private final Reader in;
    private final char delimiter;
    private final char quote;
    private long line = 1;
    private int pushedBack = -2;
    private long recordLine;

    CsvRecordReader(Reader in, CsvDialect dialect) {
        this.in = in;
        this.delimiter = dialect.delimiter();
        this.quote = dialect.quote();
    }

    /** The line on which the last record returned started. */
    long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the file. */
    List<String> next() throws IOException {
        while (true) {
            int c = read();
            if (c < 0) {
                return null;
            }
            if (c == '\n' || c == '\r') {
                endOfLine(c);
                continue;
            }
            unread(c);
            recordLine = line;
            return record();
        }
    }

    private List<String> record() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c < 0) {
                    fields.add(cell.toString());
                    return fields;
                }
                if (c == quote) {
                    int d = read();
                    if (d == quote) {
                        cell.append(quote);
                    } else {
                        quoted = false;
                        unread(d);
                    }
                } else {
                    if (c == '\n' || c == '\r') {
                        cell.append('\n');
                        endOfLine(c);
                    } else {
                        cell.append((char) c);
                    }
                }
                continue;
            }
            if (c < 0 || c == '\n' || c == '\r') {
                fields.add(wasQuoted ? cell.toString() : cell.toString().trim());
                if (c >= 0) {
                    endOfLine(c);
                }
                return fields;
            }
            if (c == delimiter) {
                fields.add(wasQuoted ? cell.toString() : cell.toString().trim());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == quote && cell.toString().isBlank() && !wasQuoted) {
                cell.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (!wasQuoted || !Character.isWhitespace(c)) {
                cell.append((char) c);
            }
        }
    }

    private void endOfLine(int c) throws IOException {
        line++;
        if (c == '\r') {
            int d = read();
            if (d != '\n') {
                unread(d);
            }
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
