package de.trassenwerk.routing;

import org.locationtech.jts.geom.LineString;

/**
 * One stretch of a route with a single cost class, in the direction of travel: for drawing a route
 * in colours per cost class and for its breakdown. Immutable.
 *
 * @param costClass one of {@link CostClasses}
 * @param geometry  the stretch, in the data's coordinate system (EPSG:25832)
 * @param lengthM   its length in metres
 * @param costEur   its cost in euros
 */
public record RouteStretch(String costClass, LineString geometry, double lengthM, double costEur) {
}
