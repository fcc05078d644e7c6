package de.trassenwerk.crs;

import java.util.Optional;
import mil.nga.proj.ProjectionRetriever;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Transforms coordinates between two EPSG systems through proj4j, always in easting/northing or
 * longitude/latitude order whatever the EPSG axis order says (formats that follow the authority's
 * order swap on reading). The systems of {@link SpatialReferences} use Trassenwerk's own PROJ.4
 * definitions (DHDN with the Helmert parameters for NRW); any other EPSG code uses the definition
 * table of NGA's proj library. A system that is another one shifted (EPSG:4647, UTM 32N with the
 * zone number in front of the easting) is transformed as exactly that shift. Instances are
 * immutable and may be shared; the underlying proj4j transform is not thread-safe, so each thread
 * gets its own.
 */
public final class CoordinateTransform {
    private static final CRSFactory CRS_FACTORY = new CRSFactory();

    private final int sourceEpsg;
    private final int targetEpsg;
    /** Subtracted from x before, added after the transform between the base systems. */
    private final double shiftIn;
    private final double shiftOut;
    /** Null when the base systems are the same. */
    private final ThreadLocal<org.locationtech.proj4j.CoordinateTransform> transform;

    private CoordinateTransform(int sourceEpsg, int targetEpsg) {
        this.sourceEpsg = sourceEpsg;
        this.targetEpsg = targetEpsg;
        double[] in = SpatialReferences.shifted(sourceEpsg).orElse(new double[] {sourceEpsg, 0});
        double[] out = SpatialReferences.shifted(targetEpsg).orElse(new double[] {targetEpsg, 0});
        this.shiftIn = in[1];
        this.shiftOut = out[1];
        int from = (int) in[0];
        int to = (int) out[0];
        if (from == to) {
            this.transform = null;
        } else {
            CoordinateReferenceSystem source = system(from);
            CoordinateReferenceSystem target = system(to);
            this.transform = ThreadLocal.withInitial(() -> new CoordinateTransformFactory().createTransform(source, target));
        }
    }

    /** The transform from one EPSG system to another; {@link CrsException} when either is unknown. */
    public static CoordinateTransform between(int sourceEpsg, int targetEpsg) {
        return new CoordinateTransform(sourceEpsg, targetEpsg);
    }

    /** Whether a transform to or from this EPSG system is available. */
    public static boolean supports(int epsg) {
        return SpatialReferences.shifted(epsg).isPresent() || definition(epsg).isPresent();
    }

    private static CoordinateReferenceSystem system(int epsg) {
        String def = definition(epsg).orElseThrow(() -> new CrsException("crs.error.unsupported", null, "EPSG:" + epsg));
        return CRS_FACTORY.createFromParameters("EPSG:" + epsg, def);
    }

    private static Optional<String> definition(int epsg) {
        Optional<String> own = SpatialReferences.proj4(epsg);
        if (own.isPresent() || epsg <= 0) {
            return own;
        }
        return Optional.ofNullable(ProjectionRetriever.getProjection(epsg));
    }

    public int sourceEpsg() {
        return sourceEpsg;
    }

    public int targetEpsg() {
        return targetEpsg;
    }

    /** Whether this transform leaves coordinates as they are (same system). */
    public boolean isIdentity() {
        return sourceEpsg == targetEpsg;
    }

    /** Transforms one position: x is easting or longitude, y northing or latitude. */
    public double[] transform(double x, double y) {
        if (transform == null) {
            return new double[] {x - shiftIn + shiftOut, y};
        }
        ProjCoordinate out = transform.get().transform(new ProjCoordinate(x - shiftIn, y), new ProjCoordinate());
        return new double[] {out.x + shiftOut, out.y};
    }

    /** {@code g} transformed: a transformed copy, or {@code g} itself when this is the identity. */
    public Geometry transform(Geometry g) {
        if (isIdentity()) {
            return g;
        }
        Geometry copy = g.copy();
        org.locationtech.proj4j.CoordinateTransform t = transform == null ? null : transform.get();
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                if (t == null) {
                    seq.setOrdinate(i, 0, seq.getX(i) - shiftIn + shiftOut);
                    return;
                }
                in.x = seq.getX(i) - shiftIn;
                in.y = seq.getY(i);
                t.transform(in, out);
                seq.setOrdinate(i, 0, out.x + shiftOut);
                seq.setOrdinate(i, 1, out.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.setSRID(targetEpsg);
        return copy;
    }
}
