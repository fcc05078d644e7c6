package de.trassenwerk.coordination;

import de.trassenwerk.i18n.UserFacingException;

/**
 * A coordination run that cannot be done as asked: a file without the layers or fields the analysis
 * needs, a value that is not a date, an unreadable cost file, a parameter out of range. The message
 * names what is missing or wrong, and where.
 */
public class CoordinationException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public CoordinationException(String key, Object... args) {
        super(key, null, args);
    }

    public CoordinationException(String key, Throwable cause, Object... args) {
        super(key, cause, args);
    }
}
