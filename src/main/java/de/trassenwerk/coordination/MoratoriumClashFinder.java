package de.trassenwerk.coordination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * Moratorium clashes: a route (dug on its {@code needed_by}, or today when it has none) or an
 * open-trench work (dug from its start date) in a street whose moratorium after resurfacing has not
 * ended by then. Lengths ({@link NearStretches}, the exact equivalent of an overlay with the
 * buffer): for a route, its trench stretches within the buffer distance of the street; for a work, the
 * street centreline within the buffer distance of the work. Pieces shorter than 2 × buffer + 1 m
 * (for a polygonal work, plus the width of its footprint) are crossings or junction touches, which a
 * bore can pass, and are dropped. Read-only after construction: {@link #routeClashes} and
 * {@link #siteClashes} may run on several threads at once.
 */
final class MoratoriumClashFinder {
    private final CoordinationParameters params;
    private final StreetIndex streets;
    private final DistrictLocator districts;
    private final MoratoriumCalendar calendar;

    MoratoriumClashFinder(CoordinationParameters params, StreetIndex streets, DistrictLocator districts) {
        this.params = params;
        this.streets = streets;
        this.districts = districts;
        this.calendar = new MoratoriumCalendar(streets.all(), params);
    }

    /** The clashes of one route; {@code nearStreets} are the streets within the buffer distance of it. */
    List<Finding> routeClashes(PlannedRoute route, Trench trench, int[] nearStreets) {
        List<Finding> out = new ArrayList<>();
        if (trench.isEmpty()) {
            return out;
        }
        LocalDate dig = route.neededBy() != null ? route.neededBy() : params.today();
        long digDay = dig.toEpochDay();
        for (int i : nearStreets) {
            if (!calendar.covers(i, digDay)) {
                continue;
            }
            StreetSegment street = streets.all().get(i);
            List<LineString> pieces = longPieces(trench.near(street.shape(), params.bufferM(), unsurelyShort(0)), 0);
            if (pieces.isEmpty()) {
                continue;
            }
            Geometry section = Sections.geometry(pieces);
            out.add(new Finding(Finding.routeClashId(route.fid(), street.fid()), FindingKind.MORATORIUM_CLASH,
                    route.fid(), null, null, null, null, null, null, street.fid(), street.name(),
                    districts.nameAt(Sections.midpoint(section)), null, null, dig, street.renewed(),
                    params.moratoriumEnd(street.renewed()), null, null, Sections.length(pieces), null, section));
        }
        return out;
    }

    /** The clashes of one work. */
    List<Finding> siteClashes(WorkSite site) {
        List<Finding> out = new ArrayList<>();
        LocalDate dig = site.start();
        long digDay = dig.toEpochDay();
        for (int i : streets.near(site.shape().envelope, params.bufferM())) {
            if (!calendar.covers(i, digDay)) {
                continue;
            }
            StreetSegment street = streets.all().get(i);
            List<LineString> inside = new ArrayList<>();
            for (LineString part : Sections.lines(street.line())) {
                NearStretches along = new NearStretches(part);
                inside.addAll(along.pieces(along.near(site.shape(), params.bufferM()), unsurelyShort(site.width())));
            }
            List<LineString> pieces = longPieces(inside, site.width());
            if (pieces.isEmpty()) {
                continue;
            }
            Geometry section = Sections.geometry(pieces);
            out.add(new Finding(Finding.siteClashId(site.fid(), street.fid()), FindingKind.MORATORIUM_CLASH, null,
                    site.fid(), null, site.siteRef(), null, site.organisation(), null, street.fid(), street.name(),
                    districts.nameAt(Sections.midpoint(section)), site.start(), site.end(), dig, street.renewed(),
                    params.moratoriumEnd(street.renewed()), null, null, Sections.length(pieces), null, section));
        }
        return out;
    }

    /**
     * A length below which a stretch is surely shorter than {@link #longPieces} keeps (by a margin far
     * above rounding), so that its piece need not be built at all.
     */
    private double unsurelyShort(double width) {
        return params.minClashPieceM() + width - SHORT_SLACK_M;
    }

    /** Margin of {@link #unsurelyShort}: a micrometre, a million times the rounding error of such lengths. */
    private static final double SHORT_SLACK_M = 1e-6;

    /** The pieces at least 2 × buffer + 1 m (+ {@code width}) long: shorter ones are crossings or junction touches. */
    private List<LineString> longPieces(List<LineString> pieces, double width) {
        double min = params.minClashPieceM() + width;
        List<LineString> out = new ArrayList<>();
        for (LineString l : pieces) {
            if (l.getLength() >= min - 1e-9) {
                out.add(l);
            }
        }
        return out;
    }
}
