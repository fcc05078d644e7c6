package de.trassenwerk.opendata.ckan;

import de.trassenwerk.i18n.UserFacingException;

/**
 * A CKAN action that failed: the portal could not be reached, refused the token, or rejected the
 * data (CKAN's {@code {"success": false, "error": {...}}}, e.g. a validation error on the dataset
 * name). Carries the action, HTTP status and CKAN's error type and text; never the token.
 */
public final class CkanException extends UserFacingException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String errorType;

    public CkanException(String action, int status, String errorType, String detail, Throwable cause) {
        super("opendata.ckan.error.action", cause, action, status, errorType, detail);
        this.status = status;
        this.errorType = errorType;
    }

    /** The HTTP status (0 when the portal was not reached). */
    public int status() {
        return status;
    }

    /** CKAN's {@code __type}, e.g. {@code Validation Error} or {@code Not Found Error}. */
    public String errorType() {
        return errorType;
    }

    public boolean isNotFound() {
        return status == 404 || "Not Found Error".equals(errorType);
    }
}
