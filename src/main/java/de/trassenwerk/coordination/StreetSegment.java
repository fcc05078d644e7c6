package de.trassenwerk.coordination;

import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/** A street centreline feature: fid, line, name, class and date of its last resurfacing (may be null). Immutable. */
record StreetSegment(long fid, Geometry line, String name, String streetClass, LocalDate renewed) {
}
