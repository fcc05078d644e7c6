package de.trassenwerk.routing;

import org.locationtech.jts.geom.Coordinate;

/**
 * A feature of {@code network_nodes} (a PoP, a cabinet or a manhole) and where it joins the street
 * graph: the junction it was attached to, at the nearest street point within
 * {@link StreetGraph#MAX_NODE_SNAP_M}; -1 when no street is that close. Immutable.
 *
 * @param fid       the feature id
 * @param kind      {@code PoP}, {@code cabinet} or {@code manhole} (as stored)
 * @param name      the node's name, e.g. {@code PoP Mitte}
 * @param location  the node's position
 * @param graphNode the street-graph junction it is attached to, -1 when none
 * @param snapM     the distance from the node to that junction in metres (NaN when none)
 */
public record NetworkNode(long fid, String kind, String name, Coordinate location, int graphNode, double snapM) {
    /** Whether routes to "the nearest node" may end here: a PoP or a cabinet (any case), attached to the graph. */
    public boolean isConnectionPoint() {
        return graphNode >= 0 && kind != null
                && (kind.trim().equalsIgnoreCase("PoP") || kind.trim().equalsIgnoreCase("cabinet"));
    }
}
