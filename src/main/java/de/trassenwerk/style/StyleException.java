package de.trassenwerk.style;

import de.trassenwerk.i18n.UserFacingException;

/**
 * An SLD file that cannot be used: not readable, not well-formed, not an SLD, or a value that is
 * not a number or colour. Names the file, line and column (0 when unknown). Whoever reads styles
 * falls back to the layer's default style and shows this message. The message arguments are
 * always file, line, column, then the details of the key.
 */
public class StyleException extends UserFacingException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final int column;

    public StyleException(String key, Throwable cause, String file, int line, int column, Object... details) {
        super(key, cause, args(file, line, column, details));
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static Object[] args(String file, int line, int column, Object... details) {
        Object[] a = new Object[3 + details.length];
        a[0] = file;
        a[1] = String.valueOf(line);
        a[2] = String.valueOf(column);
        System.arraycopy(details, 0, a, 3, details.length);
        return a;
    }

    /** The file as it was named to the reader. */
    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
