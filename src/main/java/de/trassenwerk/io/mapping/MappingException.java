package de.trassenwerk.io.mapping;

import de.trassenwerk.i18n.UserFacingException;

/** A mapping file that cannot be read or used: bad JSON, a rule without target, a field that does not exist. */
public class MappingException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public MappingException(String key, Throwable cause, Object... args) {
        super(key, cause, args);
    }
}
