package de.trassenwerk.style;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The reading position in one SLD file, shared by {@link SldReader}, {@link FilterReader} and
 * {@link SymbolizerReader}: walks the elements by local name (so the {@code sld:}, {@code se:} and
 * {@code ogc:} prefixes of SLD 1.0 and SE 1.1 read alike), turns parser failures and bad values
 * into {@link StyleException}s with line and column, and collects warnings once per kind.
 * Used by one thread for one file.
 */
final class SldCursor {
    /** Handles one child element; must consume it up to and including its end tag. */
    interface ChildHandler {
        void child(String localName);
    }

    private final XMLStreamReader xml;
    private final String file;
    private final Map<String, Warning> warnings = new LinkedHashMap<>();

    private static final class Warning {
        final int line;
        final int column;
        final String key;
        final List<String> details;
        int count = 1;

        Warning(int line, int column, String key, List<String> details) {
            this.line = line;
            this.column = column;
            this.key = key;
            this.details = details;
        }
    }

    SldCursor(XMLStreamReader xml, String file) {
        this.xml = xml;
        this.file = file;
    }

    String file() {
        return file;
    }

    /** Local name of the element at the cursor. */
    String name() {
        return xml.getLocalName();
    }

    /** An attribute of the element at the cursor by local name, or null. */
    String attribute(String localName) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals(localName)) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /** Moves to the next start tag (the root), skipping the prolog. */
    void toRoot() {
        while (next() != XMLStreamConstants.START_ELEMENT) {
            // prolog: comments, processing instructions, whitespace
        }
    }

    /**
     * Calls {@code handler} for each child element of the element at the cursor and leaves the
     * cursor on its end tag. Text between the children is ignored.
     */
    void children(ChildHandler handler) {
        while (true) {
            int e = next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                handler.child(xml.getLocalName());
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                return;
            }
        }
    }

    /** Skips the element at the cursor with everything in it. */
    void skip() {
        int depth = 1;
        while (depth > 0) {
            int e = next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /**
     * The text of the element at the cursor (trimmed). An {@code ogc:Literal} inside counts as
     * text; any other child element (a data-defined value) is reported as not supported and the
     * result is null, so that the caller keeps its default.
     */
    String text() {
        StringBuilder sb = new StringBuilder();
        boolean expression = false;
        String element = name();
        int line = line();
        int column = column();
        while (true) {
            int e = next();
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA
                    || e == XMLStreamConstants.SPACE) {
                sb.append(xml.getText());
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("Literal")) {
                    sb.append(text());
                } else {
                    expression = true;
                    skip();
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (expression) {
            warnAt(line, column, "style.warning.dataDefined", element);
            return null;
        }
        return sb.toString().trim();
    }

    /** The text of the element at the cursor as a number; a {@link StyleException} when it is none. */
    double number() {
        String element = name();
        int line = line();
        int column = column();
        String t = text();
        if (t == null) {
            return Double.NaN;
        }
        return parseNumber(t, element, line, column);
    }

    double parseNumber(String t, String element, int line, int column) {
        try {
            double v = Double.parseDouble(t.trim());
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException(t);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new StyleException("style.error.number", e, file, line, column, t, element);
        }
    }

    /** A colour {@code #RRGGBB} (or {@code #RGB}); a {@link StyleException} otherwise. */
    Color parseColour(String t, String element, int line, int column) {
        String s = t.trim();
        if (s.matches("#[0-9a-fA-F]{6}")) {
            return new Color(Integer.parseInt(s.substring(1), 16));
        }
        if (s.matches("#[0-9a-fA-F]{3}")) {
            int r = Integer.parseInt(s.substring(1, 2), 16);
            int g = Integer.parseInt(s.substring(2, 3), 16);
            int b = Integer.parseInt(s.substring(3, 4), 16);
            return new Color(r * 17, g * 17, b * 17);
        }
        throw new StyleException("style.error.colour", null, file, line, column, t, element);
    }

    /** Reports the element at the cursor as not supported and skips it. */
    void unsupported() {
        warn("style.warning.unsupported", name());
        skip();
    }

    /** Records a warning at the cursor's position; repeated ones only count up. */
    void warn(String key, String... details) {
        warnAt(line(), column(), key, details);
    }

    void warnAt(int line, int column, String key, String... details) {
        String id = key + '\u0000' + String.join("\u0000", details);
        Warning w = warnings.get(id);
        if (w == null) {
            warnings.put(id, new Warning(line, column, key, List.of(details)));
        } else {
            w.count++;
        }
    }

    /** An error at the cursor's position. */
    StyleException error(String key, Object... details) {
        return new StyleException(key, null, file, line(), column(), details);
    }

    List<StyleWarning> warnings() {
        List<StyleWarning> out = new ArrayList<>();
        for (Warning w : warnings.values()) {
            out.add(new StyleWarning(file, w.line, w.column, w.key, w.details, w.count));
        }
        return out;
    }

    int line() {
        Location l = xml.getLocation();
        return l == null ? 0 : Math.max(0, l.getLineNumber());
    }

    int column() {
        Location l = xml.getLocation();
        return l == null ? 0 : Math.max(0, l.getColumnNumber());
    }

    /** The next parse event; a parser failure becomes a {@link StyleException} with its position. */
    int next() {
        try {
            return xml.next();
        } catch (XMLStreamException e) {
            throw notWellFormed(e, file);
        }
    }

    XMLStreamReader xml() {
        return xml;
    }

    static StyleException notWellFormed(XMLStreamException e, String file) {
        Location l = e.getLocation();
        String detail = e.getMessage();
        // The JDK parser prefixes its message with "ParseError at [row,col]:[r,c]\nMessage: ".
        int m = detail == null ? -1 : detail.indexOf("Message: ");
        if (m >= 0) {
            detail = detail.substring(m + "Message: ".length());
        }
        return new StyleException("style.error.xml", e, file, l == null ? 0 : l.getLineNumber(),
                l == null ? 0 : l.getColumnNumber(), detail == null ? "" : detail.trim());
    }
}
