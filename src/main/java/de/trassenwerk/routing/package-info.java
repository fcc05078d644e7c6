/**
 * The fibre route planner: a street graph built from the {@code streets} centrelines (junctions at
 * shared vertices and T-junctions, vertices closer than 0.5 m snapped together), each edge priced per
 * stretch by the coordination cost model (free ducts, co-laying chances in joinable open trenches,
 * open trench by street class, digging moratoria), least-cost routes with alternatives from a
 * commercial site or a point to a network node or a point, "plan all gaps" for many sites, and the
 * saving of a route as a draft in {@code planned_routes}. Entry point:
 * {@link de.trassenwerk.routing.RoutePlanner#load}. Depends on {@code store}, {@code crs},
 * {@code i18n}, {@code coordination} (cost model, parameters and the rules of co-laying, free ducts and
 * moratoria, via {@link de.trassenwerk.coordination.DigConditions}), JTS and Jackson; never on JavaFX or
 * the CLI.
 */
package de.trassenwerk.routing;
