package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import java.text.NumberFormat;

/**
 * Lengths and costs as the route planner shows them, in the user's language: metres with one decimal,
 * kilometres with two, whole euros, all with digit grouping (the figures of
 * {@link de.trassenwerk.routing.RoundedCosts}, so that a breakdown adds up to its total on screen too).
 * Stateless; any thread.
 */
final class RouteNumbers {
    private RouteNumbers() {
    }

    /** Metres with one decimal, e.g. "1.234,5" in German. */
    static String metres(double m) {
        return format(m, 1);
    }

    /** Kilometres with two decimals, from metres. */
    static String kilometres(double m) {
        return format(m / 1000, 2);
    }

    /** Whole euros with grouping, e.g. "12.345". */
    static String euros(double eur) {
        return format(eur, 0);
    }

    private static String format(double v, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(Messages.locale());
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(v);
    }
}
