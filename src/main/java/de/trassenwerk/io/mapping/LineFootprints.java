package de.trassenwerk.io.mapping;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Turns line-shaped construction sites into footprints: each line is buffered by half the width of
 * the street it lies on (flat ends, mitred joins), points by the same radius; polygons stay as they
 * are. The street is the nearest of the given streets within the search distance of the line's
 * middle; without one the default width is used. Coordinates must be metres. Immutable after
 * construction, thread-safe.
 */
public final class LineFootprints {
    /** One street with its width in metres. */
    public record Street(Geometry centreline, double widthM) {
    }

    private final STRtree streets = new STRtree();
    private final double defaultWidth;
    private final double search;
    private final BufferParameters lineBuffer = new BufferParameters(8, BufferParameters.CAP_FLAT,
            BufferParameters.JOIN_MITRE, 3.0);

    public LineFootprints(FieldMapping.Footprints settings, List<Street> streetList) {
        this.defaultWidth = settings.defaultWidth();
        this.search = settings.searchDistance();
        for (Street s : streetList) {
            if (s.centreline() != null && !s.centreline().isEmpty() && s.widthM() > 0) {
                streets.insert(s.centreline().getEnvelopeInternal(), s);
            }
        }
        streets.build();
    }

    /** The footprint of a geometry in metres; polygons and nulls are returned unchanged. */
    public Geometry footprint(Geometry g) {
        if (g == null || g.isEmpty() || g instanceof Polygonal || g.getDimension() == 2) {
            return g;
        }
        double half = widthAt(g) / 2;
        if (g.getDimension() == 0) {
            return g.buffer(half, 8);
        }
        return org.locationtech.jts.operation.buffer.BufferOp.bufferOp(g, half, lineBuffer);
    }

    /** The street width at a geometry: the nearest street's within the search distance, else the default. */
    public double widthAt(Geometry g) {
        Point middle = g.getDimension() == 1 ? g.getInteriorPoint() : g.getCentroid();
        Envelope around = new Envelope(middle.getCoordinate());
        around.expandBy(search);
        double best = Double.MAX_VALUE;
        double width = defaultWidth;
        for (Object o : streets.query(around)) {
            Street s = (Street) o;
            double d = DistanceOp.distance(s.centreline(), middle);
            if (d <= search && d < best) {
                best = d;
                width = s.widthM();
            }
        }
        return width;
    }
}
