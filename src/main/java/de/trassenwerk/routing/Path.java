package de.trassenwerk.routing;

import java.util.List;

/**
 * A path found through the street graph: its legs in the order of travel, the id of the place it
 * reached (a junction, or a place added for the search) and its cost without penalties. Immutable.
 */
record Path(List<Leg> legs, int reached, double cost) {
    Path {
        legs = List.copyOf(legs);
    }

    double lengthM() {
        double sum = 0;
        for (Leg l : legs) {
            sum += l.length();
        }
        return sum;
    }

    /** The length this path shares with another: the overlaps of their legs on the same edges. */
    double sharedWith(Path other) {
        java.util.Map<Integer, java.util.List<Leg>> byEdge = new java.util.HashMap<>();
        for (Leg l : other.legs) {
            byEdge.computeIfAbsent(l.edge(), k -> new java.util.ArrayList<>()).add(l);
        }
        double shared = 0;
        for (Leg l : legs) {
            for (Leg o : byEdge.getOrDefault(l.edge(), List.of())) {
                shared += Math.max(0, Math.min(l.hi(), o.hi()) - Math.max(l.lo(), o.lo()));
            }
        }
        return shared;
    }

    /** Whether both paths run along the same stretches. */
    boolean sameAs(Path other) {
        double len = lengthM();
        return Math.abs(len - other.lengthM()) < 1e-6 && Math.abs(sharedWith(other) - len) < 1e-6;
    }
}
