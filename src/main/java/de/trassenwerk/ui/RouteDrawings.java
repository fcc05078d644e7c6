package de.trassenwerk.ui;

import de.trassenwerk.render.RouteDrawing;
import de.trassenwerk.routing.GapPlan;
import de.trassenwerk.routing.Route;
import de.trassenwerk.routing.RouteStretch;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Turns planned routes into what the map draws ({@link RouteDrawing}): each stretch in the colour of its
 * cost class ({@link CostClassStyle}); the best route wide and solid on a dark halo, alternatives thinner
 * and dashed on a lighter one (the one chosen in the table a little wider, on top of the others); the
 * start as marker "A", the end as "B". Stateless; any thread.
 */
final class RouteDrawings {
    /** The start marker's colour. */
    static final Color START = new Color(44, 62, 80);
    /** The end marker's colour. */
    static final Color END = new Color(165, 0, 38);
    private static final Color DARK_HALO = new Color(30, 30, 30, 210);
    private static final Color THIN_HALO = new Color(30, 30, 30, 140);
    private static final float BEST = 6;
    private static final float ALTERNATIVE = 3;
    private static final float CHOSEN_ALTERNATIVE = 4.5f;
    private static final float NETWORK = 3.5f;

    private RouteDrawings() {
    }

    /**
     * The routes of one request (best first) with the alternative of rank {@code chosenRank} emphasised,
     * and markers at {@code start} and {@code end} (either may be null); without routes only the markers.
     */
    static RouteDrawing routes(List<Route> routes, int chosenRank, Coordinate start, Coordinate end) {
        List<RouteDrawing.Track> tracks = new ArrayList<>();
        for (int i = routes.size() - 1; i >= 1; i--) {
            Route r = routes.get(i);
            if (r.rank() != chosenRank) {
                tracks.add(track(r, ALTERNATIVE, true, THIN_HALO));
            }
        }
        for (Route r : routes) {
            if (r.rank() == chosenRank && r.rank() != 1) {
                tracks.add(track(r, CHOSEN_ALTERNATIVE, true, THIN_HALO));
            }
        }
        if (!routes.isEmpty()) {
            tracks.add(track(routes.get(0), BEST, false, DARK_HALO));
        }
        List<RouteDrawing.Marker> markers = new ArrayList<>();
        Coordinate a = !routes.isEmpty() ? routes.get(0).geometry().getCoordinateN(0) : start;
        Coordinate b = !routes.isEmpty() ? last(routes.get(0)) : end;
        if (a != null) {
            markers.add(new RouteDrawing.Marker(a.x, a.y, "A", START));
        }
        if (b != null) {
            markers.add(new RouteDrawing.Marker(b.x, b.y, "B", END));
        }
        return new RouteDrawing(tracks, markers);
    }

    /** All routes of "plan all gaps", each solid in the colours of its stretches, without markers. */
    static RouteDrawing gapPlan(GapPlan plan) {
        List<RouteDrawing.Track> tracks = new ArrayList<>();
        for (GapPlan.SiteRoute s : plan.routes()) {
            tracks.add(track(s.route(), NETWORK, false, DARK_HALO));
        }
        return new RouteDrawing(tracks, List.of());
    }

    /** The area the routes cover (null when there are none). */
    static Envelope extent(List<Route> routes) {
        Envelope e = new Envelope();
        for (Route r : routes) {
            e.expandToInclude(r.geometry().getEnvelopeInternal());
        }
        return e.isNull() ? null : e;
    }

    private static Coordinate last(Route r) {
        return r.geometry().getCoordinateN(r.geometry().getNumPoints() - 1);
    }

    private static RouteDrawing.Track track(Route r, float width, boolean dashed, Color halo) {
        List<RouteDrawing.Piece> pieces = new ArrayList<>();
        for (RouteStretch s : r.stretches()) {
            pieces.add(new RouteDrawing.Piece(s.geometry(), CostClassStyle.awt(s.costClass())));
        }
        return new RouteDrawing.Track(pieces, width, dashed, halo);
    }
}
