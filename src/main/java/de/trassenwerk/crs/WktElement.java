package de.trassenwerk.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One element of a WKT 1 coordinate system definition, {@code KEYWORD["text", 1.0, CHILD[...]]},
 * as written in OGC form (GeoPackages, GDAL) and in Esri form (shapefile {@code .prj}). Values are
 * {@link String} (quoted text or bare words such as {@code NORTH}), {@link Double} or nested
 * elements. Immutable after parsing.
 */
public record WktElement(String keyword, List<Object> values) {

    public WktElement {
        values = List.copyOf(values);
    }

    /** Parses WKT 1 text; {@link CrsException} when it is not well-formed. */
    public static WktElement parse(String wkt) {
        Parser p = new Parser(wkt);
        WktElement root = p.element();
        p.skipSpace();
        if (p.pos < wkt.length()) {
            throw p.fail();
        }
        return root;
    }

    /** The keyword in upper case. */
    public String name() {
        return keyword.toUpperCase(Locale.ROOT);
    }

    /** The first child element with this keyword (case-insensitive). */
    public Optional<WktElement> child(String name) {
        for (Object v : values) {
            if (v instanceof WktElement e && e.keyword.equalsIgnoreCase(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** All child elements with this keyword. */
    public List<WktElement> children(String name) {
        List<WktElement> out = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof WktElement e && e.keyword.equalsIgnoreCase(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The quoted name that opens most elements, or "". */
    public String text() {
        return !values.isEmpty() && values.get(0) instanceof String s ? s : "";
    }

    /** The n-th value as a number, NaN when it is not one. */
    public double number(int n) {
        return n < values.size() && values.get(n) instanceof Double d ? d : Double.NaN;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        WktElement element() {
            skipSpace();
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw fail();
            }
            String keyword = s.substring(start, pos);
            skipSpace();
            if (pos >= s.length() || (s.charAt(pos) != '[' && s.charAt(pos) != '(')) {
                throw fail();
            }
            char close = s.charAt(pos) == '[' ? ']' : ')';
            pos++;
            List<Object> values = new ArrayList<>();
            while (true) {
                skipSpace();
                if (pos >= s.length()) {
                    throw fail();
                }
                char c = s.charAt(pos);
                if (c == close) {
                    pos++;
                    return new WktElement(keyword, values);
                }
                if (!values.isEmpty()) {
                    if (c != ',') {
                        throw fail();
                    }
                    pos++;
                    skipSpace();
                    c = pos < s.length() ? s.charAt(pos) : 0;
                }
                values.add(value(c));
            }
        }

        private Object value(char c) {
            if (c == '"') {
                StringBuilder b = new StringBuilder();
                pos++;
                while (pos < s.length()) {
                    char d = s.charAt(pos++);
                    if (d == '"') {
                        if (pos < s.length() && s.charAt(pos) == '"') {
                            b.append('"');
                            pos++;
                        } else {
                            return b.toString();
                        }
                    } else {
                        b.append(d);
                    }
                }
                throw fail();
            }
            if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                int start = pos;
                while (pos < s.length() && "+-.0123456789eE".indexOf(s.charAt(pos)) >= 0) {
                    pos++;
                }
                try {
                    return Double.parseDouble(s.substring(start, pos));
                } catch (NumberFormatException e) {
                    throw fail();
                }
            }
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            skipSpace();
            if (pos < s.length() && (s.charAt(pos) == '[' || s.charAt(pos) == '(')) {
                pos = start;
                return element();
            }
            if (start == pos) {
                throw fail();
            }
            return s.substring(start, pos).trim();
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        CrsException fail() {
            return new CrsException("crs.error.badWkt", null, Math.min(pos, s.length()) + 1);
        }
    }
}
