package de.trassenwerk.opendata;

import de.trassenwerk.crs.CoordinateTransform;
import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.store.Feature;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Collects what the metadata says about a dataset while its features are written: the extent (in
 * the source CRS, turned into WGS84 at the end) and the period its date fields span — a generalised
 * month counts from its first to its last day. One thread.
 */
final class DatasetStats {
    private final PlannedDataset plan;
    private final Envelope extent = new Envelope();
    private LocalDate first;
    private LocalDate last;

    DatasetStats(PlannedDataset plan) {
        this.plan = plan;
    }

    void accept(Feature f) {
        if (f.geometry() != null && !f.geometry().isEmpty()) {
            extent.expandToInclude(f.geometry().getEnvelopeInternal());
        }
        for (String field : plan.temporalFields()) {
            Object v = f.get(field);
            if (v != null) {
                span(v.toString().trim());
            }
        }
    }

    private void span(String text) {
        LocalDate from;
        LocalDate to;
        try {
            if (text.length() == 7) {
                YearMonth m = YearMonth.parse(text);
                from = m.atDay(1);
                to = m.atEndOfMonth();
            } else {
                from = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
                to = from;
            }
        } catch (DateTimeParseException e) {
            return; // not a date: it does not widen the period
        }
        first = first == null || from.isBefore(first) ? from : first;
        last = last == null || to.isAfter(last) ? to : last;
    }

    /** The period of the dates, or the single day {@code fallback} when the dataset has none. */
    TimeSpan temporal(LocalDate fallback) {
        return first == null ? new TimeSpan(fallback, fallback) : new TimeSpan(first, last);
    }

    /** The extent in WGS84 longitude/latitude (corners and edge midpoints transformed); null when empty. */
    Envelope extentWgs84() {
        if (extent.isNull()) {
            return null;
        }
        CoordinateTransform t = CoordinateTransform.between(plan.sourceEpsg(), SpatialReferences.WGS84);
        Envelope out = new Envelope();
        double mx = (extent.getMinX() + extent.getMaxX()) / 2;
        double my = (extent.getMinY() + extent.getMaxY()) / 2;
        for (double[] p : List.of(new double[] {extent.getMinX(), extent.getMinY()},
                new double[] {extent.getMaxX(), extent.getMinY()}, new double[] {extent.getMinX(), extent.getMaxY()},
                new double[] {extent.getMaxX(), extent.getMaxY()}, new double[] {mx, extent.getMinY()},
                new double[] {mx, extent.getMaxY()}, new double[] {extent.getMinX(), my},
                new double[] {extent.getMaxX(), my})) {
            double[] ll = t.transform(p[0], p[1]);
            out.expandToInclude(ll[0], ll[1]);
        }
        return out;
    }
}
