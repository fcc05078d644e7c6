package de.trassenwerk.routing;

import de.trassenwerk.i18n.UserFacingException;

/**
 * A route that cannot be planned as asked: the target lies in another part of the street network, can
 * only be reached through streets under a digging moratorium, or the site, node or layer named does not
 * exist. The message key says which; the UI and the CLI each turn it into their own form.
 */
public class RoutingException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public RoutingException(String key, Object... args) {
        super(key, null, args);
    }
}
