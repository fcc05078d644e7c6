package de.trassenwerk.coordination;

import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/**
 * A planned route as the analysis needs it: fid, line (a LineString or MultiLineString), and the date
 * its duct is needed by (null: not fixed). Immutable.
 */
record PlannedRoute(long fid, Geometry line, LocalDate neededBy) {
}
