package de.trassenwerk.routing;

/**
 * A route's passage along one edge of the street graph, from one distance along the edge to another
 * ({@code from > to} when it runs against the edge's direction). Immutable.
 */
record Leg(int edge, double from, double to) {
    double lo() {
        return Math.min(from, to);
    }

    double hi() {
        return Math.max(from, to);
    }

    double length() {
        return Math.abs(to - from);
    }
}
