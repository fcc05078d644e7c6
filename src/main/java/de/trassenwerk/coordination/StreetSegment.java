package de.trassenwerk.coordination;

import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/**
 * A street centreline feature: fid, line (and its {@link Shape}), name, class and date of its last
 * resurfacing (may be null). Immutable.
 */
record StreetSegment(long fid, Geometry line, Shape shape, String name, String streetClass, LocalDate renewed) {
}
