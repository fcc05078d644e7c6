package de.trassenwerk.render;

import java.awt.Color;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.LineString;

/**
 * Planned routes laid over the map: each route a track of pieces in the colours of their cost classes,
 * drawn over a halo of its own, and labelled markers (a route's start and end). The route planner
 * draws its best route wide and solid, the alternatives thinner and dashed, this way. Tracks are drawn
 * in list order (the last on top), the markers over all of them. Immutable; any thread.
 *
 * @param tracks  the routes, bottom to top
 * @param markers markers over the routes
 */
public record RouteDrawing(List<Track> tracks, List<Marker> markers) {
    /** Nothing to draw. */
    public static final RouteDrawing EMPTY = new RouteDrawing(List.of(), List.of());

    public RouteDrawing {
        tracks = List.copyOf(tracks);
        markers = List.copyOf(markers);
    }

    /** Whether there is nothing to draw. */
    public boolean isEmpty() {
        return tracks.isEmpty() && markers.isEmpty();
    }

    /**
     * One route: its pieces, the width of their stroke in pixels, whether it is dashed, and the colour of
     * the halo drawn under the whole route (solid, 3 pixels wider), so that it stands out on any map.
     *
     * @param pieces the route's stretches in the map's CRS, each in its colour
     * @param width  stroke width in pixels
     * @param dashed whether the coloured stroke is dashed
     * @param halo   the halo's colour
     */
    public record Track(List<Piece> pieces, float width, boolean dashed, Color halo) {
        public Track {
            pieces = List.copyOf(pieces);
            Objects.requireNonNull(halo, "halo");
            if (!(width > 0)) {
                throw new IllegalArgumentException("width must be positive: " + width);
            }
        }
    }

    /**
     * A stretch of a route in one colour.
     *
     * @param line   the stretch, in the map's CRS
     * @param colour its colour
     */
    public record Piece(LineString line, Color colour) {
        public Piece {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(colour, "colour");
        }
    }

    /**
     * A round marker with a short label (one or two letters) in its middle.
     *
     * @param x     map x
     * @param y     map y
     * @param label the label, may be empty
     * @param fill  the marker's colour (the label is white)
     */
    public record Marker(double x, double y, String label, Color fill) {
        public Marker {
            label = label == null ? "" : label;
            Objects.requireNonNull(fill, "fill");
        }
    }
}
