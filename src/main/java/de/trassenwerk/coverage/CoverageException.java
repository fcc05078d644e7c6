package de.trassenwerk.coverage;

import de.trassenwerk.i18n.UserFacingException;

/**
 * A coverage-gap run that cannot be done as asked: a file without the layers or fields the analysis
 * needs, layers in different or unusable coordinate systems, a threshold out of range. The message names
 * the file, the layer or field, and what is wrong.
 */
public class CoverageException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public CoverageException(String key, Object... args) {
        super(key, null, args);
    }
}
