package de.trassenwerk.routing;

import java.util.List;
import java.util.Map;

/**
 * The result of "plan all gaps": for each site the best route to its cheapest PoP or cabinet (or why
 * there is none), the totals summed over the routes, and the totals of the network they make together,
 * in which a stretch of street that several routes use is counted once. {@code sum − network} is what
 * sharing trenches and ducts saves. Immutable.
 *
 * @param routes   the routes found, in the order of the sites asked for (each with rank 1)
 * @param failures the sites no route could be planned for, with the reason
 * @param sum      totals over all routes, every route counted in full
 * @param network  totals of the union of the routes: shared stretches once, site connections each
 */
public record GapPlan(List<SiteRoute> routes, List<Failure> failures, Totals sum, Totals network) {
    public GapPlan {
        routes = List.copyOf(routes);
        failures = List.copyOf(failures);
    }

    /** A site's route. */
    public record SiteRoute(Origin origin, Route route) {
    }

    /** A site without a route, and why (the exception's message key says it: moratorium, disconnected, ...). */
    public record Failure(Origin origin, RoutingException reason) {
    }

    /**
     * Metres and euros, in all and per cost class (breakdown order as in {@link Route#breakdown()}).
     *
     * @param lengthM   length in metres
     * @param costEur   cost in euros (not rounded)
     * @param breakdown per cost class; adds up to the totals
     */
    public record Totals(double lengthM, double costEur, Map<String, CostShare> breakdown) {
        public Totals {
            breakdown = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(breakdown));
        }
    }

    /** The length that routes share: counted once in the network, several times in the sum. */
    public double sharedLengthM() {
        return sum.lengthM() - network.lengthM();
    }

    /** What sharing saves: the sum of the routes' costs minus the network's cost. */
    public double sharedCostEur() {
        return sum.costEur() - network.costEur();
    }
}
