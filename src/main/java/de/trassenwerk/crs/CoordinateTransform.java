package de.trassenwerk.crs;

import mil.nga.proj.ProjectionTransform;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Transforms coordinates between two EPSG systems (through NGA's proj, which wraps proj4j), in
 * easting/northing or longitude/latitude order whatever the EPSG axis order says. Instances are
 * immutable; the underlying proj4j transform is not thread-safe, so each thread uses its own.
 */
public final class CoordinateTransform {
    private final int sourceEpsg;
    private final int targetEpsg;
    private final ThreadLocal<ProjectionTransform> transform;

    private CoordinateTransform(int sourceEpsg, int targetEpsg) {
        this.sourceEpsg = sourceEpsg;
        this.targetEpsg = targetEpsg;
        this.transform = ThreadLocal.withInitial(() -> ProjectionTransform.create(sourceEpsg, targetEpsg));
    }

    public static CoordinateTransform between(int sourceEpsg, int targetEpsg) {
        return new CoordinateTransform(sourceEpsg, targetEpsg);
    }

    public int sourceEpsg() {
        return sourceEpsg;
    }

    public int targetEpsg() {
        return targetEpsg;
    }

    /** Transforms one position: x is easting or longitude, y northing or latitude. */
    public double[] transform(double x, double y) {
        return transform.get().transform(x, y);
    }

    /** A transformed copy of {@code g}. */
    public Geometry transform(Geometry g) {
        Geometry copy = g.copy();
        if (sourceEpsg == targetEpsg) {
            return copy;
        }
        ProjectionTransform t = transform.get();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double[] xy = t.transform(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, 0, xy[0]);
                seq.setOrdinate(i, 1, xy[1]);
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
