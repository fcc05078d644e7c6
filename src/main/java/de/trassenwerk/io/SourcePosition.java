package de.trassenwerk.io;

import de.trassenwerk.i18n.Messages;

/**
 * Where in a source a feature came from, for messages: the file or service, the kind of count
 * (line of a text file, feature of a JSON document or service, record of a shapefile) and the
 * 1-based number; {@code line} is the text line where that is known besides a feature number
 * (0 otherwise). Immutable.
 */
public record SourcePosition(String source, Kind kind, long number, long line) {

    /** What {@link #number()} counts. */
    public enum Kind { LINE, FEATURE, RECORD }

    public static SourcePosition line(String source, long line) {
        return new SourcePosition(source, Kind.LINE, line, line);
    }

    public static SourcePosition feature(String source, long number, long line) {
        return new SourcePosition(source, Kind.FEATURE, number, line);
    }

    public static SourcePosition record(String source, long number) {
        return new SourcePosition(source, Kind.RECORD, number, 0);
    }

    /** In the user's language, e.g. "roads.csv, line 17" or "sites.geojson, feature 3 (line 12)". */
    public String describe() {
        String key = "io.position." + kind.name().toLowerCase(java.util.Locale.ROOT)
                + (kind == Kind.FEATURE && line > 0 ? ".line" : "");
        return Messages.get(key, source, Long.toString(number), Long.toString(line));
    }

    /** The same in English, for logs. */
    @Override
    public String toString() {
        String key = "io.position." + kind.name().toLowerCase(java.util.Locale.ROOT)
                + (kind == Kind.FEATURE && line > 0 ? ".line" : "");
        return Messages.format(java.util.Locale.ENGLISH, key, source, Long.toString(number), Long.toString(line));
    }
}
