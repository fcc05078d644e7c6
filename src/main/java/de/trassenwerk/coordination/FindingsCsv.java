package de.trassenwerk.coordination;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Findings as CSV (RFC 4180: comma, CRLF, quotes where needed, UTF-8 by the caller's writer): a header
 * with the keys of {@link FindingFields#KEYS}, optionally followed by extra columns (the table in the
 * workbench adds the users' status and comment), then one row per finding. Empty cells for null.
 * Stateless.
 */
public final class FindingsCsv {
    private FindingsCsv() {
    }

    /** Writes the findings with the JSON keys as columns. */
    public static void write(List<Finding> findings, Writer out) throws IOException {
        write(findings, List.of(), f -> List.of(), out);
    }

    /** Writes the findings with extra columns after the JSON keys; {@code extra} gives their values per finding. */
    public static void write(List<Finding> findings, List<String> extraColumns, Function<Finding, List<?>> extra,
            Writer out) throws IOException {
        List<String> header = new ArrayList<>(FindingFields.KEYS);
        header.addAll(extraColumns);
        row(header, out);
        for (Finding f : findings) {
            List<Object> values = new ArrayList<>();
            for (Map.Entry<String, Object> e : FindingFields.of(f).entrySet()) {
                values.add(e.getValue());
            }
            values.addAll(extra.apply(f));
            row(values, out);
        }
        out.flush();
    }

    private static void row(List<?> values, Writer out) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(values.get(i)));
        }
        out.write(line.append("\r\n").toString());
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : v.toString();
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
