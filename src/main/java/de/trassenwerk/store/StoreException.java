package de.trassenwerk.store;

import de.trassenwerk.i18n.UserFacingException;

/** A store operation that failed in a way the user must hear about (unknown layer, bad value...). */
public class StoreException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public StoreException(String key, Throwable cause, Object... args) {
        super(key, cause, args);
    }
}
