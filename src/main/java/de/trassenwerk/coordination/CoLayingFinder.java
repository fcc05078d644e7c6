package de.trassenwerk.coordination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Co-laying chances: where a planned route runs through the buffered area of an open-trench work
 * that starts no sooner than today + lead time and no later than the earlier of the route's
 * {@code needed_by} and today + horizon. The shared length comes from a JTS overlay of the route's
 * trench pieces (free-duct sections removed) with the buffered site; the saving is that length priced
 * per street (trench cost of the street's class minus co-laying cost). Built once per run, then
 * read-only: {@link #find} may run on several threads at once.
 */
final class CoLayingFinder {
    private final CoordinationParameters params;
    private final CostModel costs;
    private final List<WorkSite> sites;
    private final BufferCache zones;
    private final StreetIndex streets;
    private final DistrictLocator districts;
    private final STRtree joinable = new STRtree();

    CoLayingFinder(CoordinationParameters params, CostModel costs, List<WorkSite> sites, BufferCache zones,
            StreetIndex streets, DistrictLocator districts) {
        this.params = params;
        this.costs = costs;
        this.sites = sites;
        this.zones = zones;
        this.streets = streets;
        this.districts = districts;
        LocalDate earliest = params.earliestJoinableStart();
        LocalDate latest = params.horizonEnd();
        for (int i = 0; i < sites.size(); i++) {
            WorkSite s = sites.get(i);
            if (!s.start().isBefore(earliest) && !s.start().isAfter(latest)) {
                Envelope e = new Envelope(s.geometry().getEnvelopeInternal());
                e.expandBy(params.bufferM());
                joinable.insert(e, i);
            }
        }
        joinable.build();
    }

    /** Whether any part of the lines comes within the buffer distance of the geometry (tested on the runs near it). */
    private boolean near(List<LineString> lines, Geometry g) {
        Envelope e = new Envelope(g.getEnvelopeInternal());
        e.expandBy(params.bufferM());
        for (LineString run : Sections.runsNear(lines, e)) {
            if (run.isWithinDistance(g, params.bufferM())) {
                return true;
            }
        }
        return false;
    }

    /** The co-laying chances of one route, given the pieces of it that need a trench. */
    List<Finding> find(PlannedRoute route, List<LineString> trench) {
        List<Finding> out = new ArrayList<>();
        LocalDate latest = params.horizonEnd();
        if (route.neededBy() != null && route.neededBy().isBefore(latest)) {
            latest = route.neededBy();
        }
        if (trench.isEmpty() || latest.isBefore(params.earliestJoinableStart())) {
            return out;
        }
        Geometry line = Sections.geometry(trench);
        for (int i : Sections.query(joinable, Sections.segmentEnvelopes(line, 0))) {
            WorkSite site = sites.get(i);
            if (site.start().isAfter(latest) || !near(trench, site.geometry())) {
                continue;
            }
            List<LineString> shared = Sections.inside(trench, zones.zone(i).getGeometry());
            double length = Sections.length(shared);
            if (length <= 0) {
                continue;
            }
            shared = Sections.along(shared, route.line());
            StreetIndex.Shares shares = streets.shares(shared, params.bufferM());
            double saving = shares.nearNoStreet() * costs.coLayingSaving(CostModel.FALLBACK_CLASS);
            for (Map.Entry<StreetSegment, Double> e : shares.byStreet().entrySet()) {
                saving += e.getValue() * costs.coLayingSaving(e.getKey().streetClass());
            }
            StreetSegment main = shares.main();
            Geometry section = Sections.geometry(shared);
            out.add(new Finding(Finding.coLayingId(route.fid(), site.fid()), FindingKind.CO_LAYING, route.fid(),
                    site.fid(), null, site.siteRef(), null, site.organisation(), null,
                    main == null ? null : main.fid(), main == null ? null : main.name(),
                    districts.nameAt(Sections.midpoint(section)), site.start(), site.end(), null, null, null,
                    site.isRoadRenewal() ? params.moratoriumEnd(site.end()) : null, null, length,
                    Math.round(saving), section));
        }
        return out;
    }
}
