package de.trassenwerk.coordination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The open-trench works a new duct can join: those starting no sooner than today + lead time and no
 * later than today + horizon (a route's own {@code needed_by} may narrow the window further, see
 * {@link CoLayingFinder}), indexed ({@link BoxIndex}) by their envelopes widened by the buffer
 * distance. Shared by the co-laying findings and the route planner's pricing ({@link DigConditions}),
 * so that both use one rule. Built once, then read-only; safe to query from several threads.
 */
final class JoinableWorks {
    private final CoordinationParameters params;
    private final List<WorkSite> sites;
    /** Box i: the widened envelope of work i when it is joinable, else null (never matched). */
    private final BoxIndex index;

    JoinableWorks(CoordinationParameters params, List<WorkSite> sites) {
        this.params = params;
        this.sites = sites;
        List<Envelope> boxes = new ArrayList<>(sites.size());
        for (WorkSite s : sites) {
            Envelope e = null;
            if (joinable(s.start())) {
                e = new Envelope(s.shape().envelope);
                e.expandBy(params.bufferM());
            }
            boxes.add(e);
        }
        index = new BoxIndex(boxes);
    }

    /** Whether a work starting on {@code start} lies in the window today + lead time .. today + horizon (both inclusive). */
    boolean joinable(LocalDate start) {
        return !start.isBefore(params.earliestJoinableStart()) && !start.isAfter(params.horizonEnd());
    }

    WorkSite get(int i) {
        return sites.get(i);
    }

    /** Indexes of the joinable works whose buffered envelope meets a segment of lineal {@code line}, ascending. */
    int[] near(Geometry line) {
        return index.query(Sections.segmentEnvelopes(line, 0));
    }

    /**
     * The stretches of a line within the buffer distance of any joinable work, as sorted, disjoint
     * intervals of distance along it (see {@link NearStretches#near}).
     */
    double[] stretches(NearStretches along) {
        double[] out = new double[0];
        for (int i : near(along.line())) {
            out = NearStretches.union(out, along.near(sites.get(i).shape(), params.bufferM()));
        }
        return out;
    }
}
