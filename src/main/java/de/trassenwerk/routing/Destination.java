package de.trassenwerk.routing;

import org.locationtech.jts.geom.Coordinate;

/** Where a route ends: a named network node, the cheapest PoP or cabinet to reach, or any point. Immutable. */
public sealed interface Destination {
    /** What {@code planned_routes.to_ref} records for a route found to this destination. */
    String describe();

    /** The network node with this name ({@code network_nodes.name}). */
    static Destination node(String name) {
        return new Node(name);
    }

    /** The node of kind {@code PoP} or {@code cabinet} that is cheapest to reach. */
    static Destination nearestNode() {
        return new NearestNode();
    }

    /** A point in the data's coordinate system (EPSG:25832), taken at its nearest street point. */
    static Destination point(double x, double y) {
        return new Point(new Coordinate(x, y));
    }

    /** A network node by name. */
    record Node(String name) implements Destination {
        public Node {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("node name required");
            }
        }

        @Override
        public String describe() {
            return name;
        }
    }

    /** The cheapest PoP or cabinet to reach (by cost, not by distance). */
    record NearestNode() implements Destination {
        @Override
        public String describe() {
            return "PoP/cabinet";
        }
    }

    /** A point, snapped to its nearest street point (the edge there is split). */
    record Point(Coordinate at) implements Destination {
        public Point {
            at = new Coordinate(at.x, at.y);
        }

        @Override
        public String describe() {
            return Origin.xy(at);
        }

        @Override
        public Coordinate at() {
            return new Coordinate(at);
        }
    }
}
