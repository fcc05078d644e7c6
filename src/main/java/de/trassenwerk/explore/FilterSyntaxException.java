package de.trassenwerk.explore;

import de.trassenwerk.i18n.UserFacingException;

/** A column filter that cannot be read, such as {@code >abc} on a number column. */
public final class FilterSyntaxException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public FilterSyntaxException(String field, String text) {
        super("explore.filter.syntax", null, text, field);
    }
}
