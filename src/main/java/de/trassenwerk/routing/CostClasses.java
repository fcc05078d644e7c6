package de.trassenwerk.routing;

import java.util.Locale;

/**
 * The names of the cost classes of a route's breakdown (the keys of {@link Route#breakdown()} and of
 * the {@code cost_breakdown} JSON of {@code planned_routes}): what each metre of a route costs and why.
 */
public final class CostClasses {
    /** Fibre blown into a free tube of an existing duct. */
    public static final String DUCT_REUSE = "duct_reuse";
    /** A duct laid in someone else's open trench (a joinable construction site). */
    public static final String CO_LAYING = "co_laying";
    /** A new trench in a street under its digging moratorium, at the moratorium factor times the trench cost. */
    public static final String MORATORIUM_TRENCH = "moratorium_trench";
    /** The connection from the street to the edge of a commercial plot, priced as trench of that street's class. */
    public static final String SITE_CONNECTION = "site_connection";
    /** The prefix of the open-trench classes: {@code trench_primary}, {@code trench_residential}, ... */
    public static final String TRENCH_PREFIX = "trench_";

    private CostClasses() {
    }

    /** The open-trench class of a street class as priced by the cost model, e.g. {@code trench_secondary}. */
    public static String trench(String pricedStreetClass) {
        return TRENCH_PREFIX + pricedStreetClass.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether a class needs a new trench of our own (open or under moratorium; the site connection too). */
    public static boolean needsTrench(String costClass) {
        return costClass.startsWith(TRENCH_PREFIX) || costClass.equals(MORATORIUM_TRENCH)
                || costClass.equals(SITE_CONNECTION);
    }
}
