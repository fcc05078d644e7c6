package de.trassenwerk.crs;

import de.trassenwerk.i18n.UserFacingException;

/**
 * A coordinate system that cannot be used: unknown or unsupported code, a definition that matches
 * no system Trassenwerk knows, coordinates whose system cannot be inferred.
 */
public class CrsException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public CrsException(String key, Throwable cause, Object... args) {
        super(key, cause, args);
    }
}
