package de.trassenwerk.coordination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * Co-laying chances: where a planned route runs through the buffered area of an open-trench work
 * that starts no sooner than today + lead time and no later than the earlier of the route's
 * {@code needed_by} and today + horizon. The shared length is that of the route's trench stretches
 * (free-duct sections removed) within the buffer distance of the site ({@link NearStretches}: the
 * route intersected with the buffered site, exactly); the saving is that length priced
 * per street (trench cost of the street's class minus co-laying cost). Built once per run, then
 * read-only: {@link #find} may run on several threads at once.
 */
final class CoLayingFinder {
    private final CoordinationParameters params;
    private final CostModel costs;
    private final List<WorkSite> sites;
    private final StreetIndex streets;
    private final DistrictLocator districts;
    /** The works whose start lies in the co-laying window, by their envelopes widened by the buffer distance. */
    private final BoxIndex joinable;

    CoLayingFinder(CoordinationParameters params, CostModel costs, List<WorkSite> sites, StreetIndex streets,
            DistrictLocator districts) {
        this.params = params;
        this.costs = costs;
        this.sites = sites;
        this.streets = streets;
        this.districts = districts;
        LocalDate earliest = params.earliestJoinableStart();
        LocalDate latest = params.horizonEnd();
        List<Envelope> boxes = new ArrayList<>(sites.size());
        for (WorkSite s : sites) {
            Envelope e = null;
            if (!s.start().isBefore(earliest) && !s.start().isAfter(latest)) {
                e = new Envelope(s.shape().envelope);
                e.expandBy(params.bufferM());
            }
            boxes.add(e);
        }
        joinable = new BoxIndex(boxes);
    }

    /**
     * The co-laying chances of one route; {@code nearStreets} are the streets within the buffer distance
     * of it ({@link StreetIndex#nearLine}).
     */
    List<Finding> find(PlannedRoute route, Trench trench, int[] nearStreets) {
        List<Finding> out = new ArrayList<>();
        LocalDate latest = params.horizonEnd();
        if (route.neededBy() != null && route.neededBy().isBefore(latest)) {
            latest = route.neededBy();
        }
        if (trench.isEmpty() || latest.isBefore(params.earliestJoinableStart())) {
            return out;
        }
        for (int i : joinable.query(Sections.segmentEnvelopes(route.line(), 0))) {
            WorkSite site = sites.get(i);
            if (site.start().isAfter(latest)) {
                continue;
            }
            List<LineString> shared = trench.near(site.shape(), params.bufferM());
            double length = Sections.length(shared);
            if (length <= 0) {
                continue;
            }
            StreetIndex.Shares shares = streets.shares(shared, nearStreets, params.bufferM());
            double saving = shares.nearNoStreet() * costs.coLayingSaving(CostModel.FALLBACK_CLASS);
            for (int k = 0; k < shares.streets().length; k++) {
                saving += shares.lengths()[k] * costs.coLayingSaving(streets.all().get(shares.streets()[k]).streetClass());
            }
            int mainIndex = shares.main(streets.all());
            StreetSegment main = mainIndex < 0 ? null : streets.all().get(mainIndex);
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
