package de.trassenwerk.coordination;

import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/**
 * One coordination finding. Which fields are set depends on the kind; the others are null:
 * <ul>
 * <li>{@code co_laying}: route, site (with its reference, organisation and dates), the street holding the
 * largest part of the shared section, the saving, and {@code beforeMoratoriumUntil} for a road renewal;
 * <li>{@code moratorium_clash}: the route (with its dig date) or the site (with its dates), the street,
 * its last resurfacing and the end of its moratorium;
 * <li>{@code double_dig}: both sites (the lower fid first), the street, the span of both works and the
 * gap between them in days.
 * </ul>
 * {@code lengthM} is the shared or clashing length in metres; {@code section} its geometry (one line or
 * several pieces, {@code parts} of them). The {@code id} is stable: kind plus the fids involved.
 * Immutable.
 */
public record Finding(String id, FindingKind kind, Long routeFid, Long siteFid, Long otherSiteFid, String siteRef,
        String otherSiteRef, String organisation, String otherOrganisation, Long streetFid, String streetName,
        String district, LocalDate startDate, LocalDate endDate, LocalDate digDate, LocalDate renewed,
        LocalDate moratoriumUntil, LocalDate beforeMoratoriumUntil, Long gapDays, double lengthM, Long savingEur,
        Geometry section) {

    /** The stable id of a co-laying chance. */
    public static String coLayingId(long routeFid, long siteFid) {
        return FindingKind.CO_LAYING.key() + ":route=" + routeFid + ",site=" + siteFid;
    }

    /** The stable id of a route's moratorium clash. */
    public static String routeClashId(long routeFid, long streetFid) {
        return FindingKind.MORATORIUM_CLASH.key() + ":route=" + routeFid + ",street=" + streetFid;
    }

    /** The stable id of a work's moratorium clash. */
    public static String siteClashId(long siteFid, long streetFid) {
        return FindingKind.MORATORIUM_CLASH.key() + ":site=" + siteFid + ",street=" + streetFid;
    }

    /** The stable id of a double dig; {@code siteFid < otherSiteFid}. */
    public static String doubleDigId(long siteFid, long otherSiteFid) {
        return FindingKind.DOUBLE_DIG.key() + ":site=" + siteFid + ",site=" + otherSiteFid;
    }

    /** The length in tenths of a metre, as reported (one decimal). */
    public long lengthDm() {
        return Math.round(lengthM * 10);
    }

    /** The reported length: metres with one decimal. */
    public double roundedLengthM() {
        return lengthDm() / 10.0;
    }

    /** How many pieces the section has (a route may leave and re-enter a site's area). */
    public int parts() {
        return section == null ? 0 : section.getNumGeometries();
    }
}
