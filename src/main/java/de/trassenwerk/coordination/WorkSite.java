package de.trassenwerk.coordination;

import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/**
 * An open-trench construction site that takes part in the analysis (not done, not ended before today,
 * with a start date). {@code end} is never null: a site without an end date is taken to last one
 * day. {@code width} is the width of its footprint (0 for line-shaped sites), see
 * {@link Sections#footprintWidth}; {@code shape} its geometry taken apart for distance tests. Immutable.
 */
record WorkSite(long fid, Geometry geometry, Shape shape, String siteRef, String kind, String organisation,
        LocalDate start, LocalDate end, double width) {

    boolean isRoadRenewal() {
        return "road_renewal".equalsIgnoreCase(kind == null ? null : kind.trim());
    }
}
