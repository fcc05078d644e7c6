package de.trassenwerk.routing;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.LineString;

/**
 * One planned route: its rank among the routes of a request (1 = the cheapest), where it starts and
 * ends, its line, length, cost and the breakdown by cost class ({@link CostClasses}). The breakdown
 * adds up to the totals: Σ m = {@code lengthM}, Σ eur = {@code costEur} (the site connection
 * included). {@code moratorium} is true when the route digs a street under its moratorium (only
 * possible when the request allowed it). Immutable.
 *
 * @param rank      1 for the best route, 2.. for alternatives, by cost
 * @param fromRef   the site number or {@code X,Y} of the start ({@code planned_routes.from_ref})
 * @param toRef     the node name or {@code X,Y} of the end ({@code planned_routes.to_ref})
 * @param toNode    the network node reached, null when the destination was a point
 * @param geometry  the route from start to end in the data's coordinate system (EPSG:25832)
 * @param lengthM   length in metres
 * @param costEur   cost in euros (not rounded)
 * @param breakdown metres and euros per cost class, in a fixed order (site connection, duct reuse,
 *                  co-laying, trench by class, moratorium trench); only classes the route uses
 * @param moratorium whether the route digs a street under moratorium
 * @param stretches the route's stretches with one cost class each, in the direction of travel
 */
public record Route(int rank, String fromRef, String toRef, NetworkNode toNode, LineString geometry, double lengthM,
        double costEur, Map<String, CostShare> breakdown, boolean moratorium, List<RouteStretch> stretches) {
    public Route {
        breakdown = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(breakdown));
        stretches = List.copyOf(stretches);
    }
}
