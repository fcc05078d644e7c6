package de.trassenwerk.routing;

/**
 * What to plan: from where to where, how many routes (the best and up to {@code alternatives - 1}
 * alternatives), and whether streets under a digging moratorium may be dug (then at the cost model's
 * moratorium factor times the trench cost, and the route is flagged). Immutable.
 *
 * @param from            where the route starts
 * @param to              where it ends
 * @param routes          how many routes at most, 1 to {@value #MAX_ROUTES}
 * @param allowMoratorium whether a new trench in a street under moratorium is allowed
 */
public record RouteRequest(Origin from, Destination to, int routes, boolean allowMoratorium) {
    /** The most routes one request may ask for. */
    public static final int MAX_ROUTES = 10;

    public RouteRequest {
        if (from == null || to == null) {
            throw new IllegalArgumentException("origin and destination required");
        }
        if (routes < 1 || routes > MAX_ROUTES) {
            throw new RoutingException("routing.error.routes", routes, MAX_ROUTES);
        }
    }

    /** The best route only, moratoria respected. */
    public static RouteRequest of(Origin from, Destination to) {
        return new RouteRequest(from, to, 1, false);
    }

    public RouteRequest withRoutes(int n) {
        return new RouteRequest(from, to, n, allowMoratorium);
    }

    public RouteRequest withAllowMoratorium(boolean allow) {
        return new RouteRequest(from, to, routes, allow);
    }
}
