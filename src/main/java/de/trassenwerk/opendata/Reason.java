package de.trassenwerk.opendata;

import java.util.Locale;

/**
 * Why a layer or field is not published (or not as it is). The report writes {@link #code()}; the
 * wizard and CLI show the message {@code opendata.reason.<code>} in the user's language.
 */
public enum Reason {
    /** Deny by default: the policy does not name the layer, or does not list the field. */
    NOT_IN_POLICY,
    /** The layer was not among the layers picked for this publication. */
    NOT_SELECTED,
    /** The policy marks the layer internal. */
    INTERNAL,
    /** The policy marks the layer restricted. */
    RESTRICTED,
    /** The field is on the policy's list of personal fields. */
    PERSONAL,
    /** The policy drops the field. */
    DROPPED_BY_POLICY,
    /** The policy generalises the field or geometry (published, but coarser). */
    GENERALISED,
    /** Binary fields, or a date rule on a field that holds no dates. */
    UNSUPPORTED_TYPE,
    /** A public layer without geometry (attribute table). */
    NO_GEOMETRY,
    /** The layer's coordinate system is not an EPSG system. */
    UNKNOWN_CRS,
    /** The geometry rule or the aggregate needs the area layer, which the GeoPackage lacks. */
    AREAS_MISSING,
    /** A row condition names a field the layer lacks: no row could be checked, so none is published. */
    CONDITION_FIELD_MISSING;

    /** The stable code written into reports, e.g. {@code not_in_policy}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The message key of its explanation. */
    public String messageKey() {
        return "opendata.reason." + code();
    }
}
