package de.trassenwerk.opendata;

import de.trassenwerk.i18n.UserFacingException;

/**
 * A publication policy that cannot be used: not JSON, an unknown entry (a typo must never switch a
 * rule off silently), a missing or wrong value, or a rule that contradicts the safety rules (a
 * personal field kept, a person as contact point). The first two arguments are always the policy's
 * source (file name or "default") and the place in it (e.g. {@code layers.conduits.access}).
 */
public final class PolicyException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public PolicyException(String key, Throwable cause, String source, String path, Object... more) {
        super(key, cause, concat(source, path, more));
    }

    private static Object[] concat(String source, String path, Object[] more) {
        Object[] all = new Object[more.length + 2];
        all[0] = source;
        all[1] = path;
        System.arraycopy(more, 0, all, 2, more.length);
        return all;
    }
}
