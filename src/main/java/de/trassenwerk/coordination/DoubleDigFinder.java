package de.trassenwerk.coordination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Double digs: two open-trench works on the same street whose street sections overlap by more than
 * {@link CoordinationParameters#MIN_DOUBLE_DIG_OVERLAP_M} and whose time windows overlap or lie at
 * most the double-dig window apart. A work's street section comes from linear referencing along the
 * centreline ({@link StreetSection}); a work that only crosses or touches a street there (a section no
 * longer than its footprint is wide + 1 m, while the work reaches farther from the street than the
 * buffer distance) has no section on it. Overlaps on the segments of one street (by name) add up;
 * each pair is reported once, on the street where it overlaps most, with the lower site fid first.
 *
 * <p>Work is split per street segment ({@link #overlaps}, any thread) and gathered per pair
 * ({@link #findings}, which spreads the pairs over the common fork-join pool).
 */
final class DoubleDigFinder {
    private final CoordinationParameters params;
    private final List<WorkSite> sites;
    private final StreetIndex streets;
    private final DistrictLocator districts;
    private final BoxIndex siteIndex;
    /** Per work (epoch days): start, end, and the last start of a partner after it (end + double-dig window). */
    private final long[] startDay;
    private final long[] endDay;
    private final long[] windowEndDay;

    /**
     * Two works overlapping on one street segment: the stretch {@code from..to} along its centreline
     * (as {@link StreetSection}s measure it); the line itself is cut out only for the reported findings.
     */
    record Overlap(int siteA, int siteB, StreetSegment street, double length, double from, double to) {
        Geometry piece() {
            return new LengthIndexedLine(street.line()).extractLine(from, to);
        }
    }

    DoubleDigFinder(CoordinationParameters params, List<WorkSite> sites, StreetIndex streets,
            DistrictLocator districts) {
        this.params = params;
        this.sites = sites;
        this.streets = streets;
        this.districts = districts;
        this.siteIndex = new BoxIndex(sites.stream().map(s -> s.shape().envelope).toList());
        startDay = new long[sites.size()];
        endDay = new long[sites.size()];
        windowEndDay = new long[sites.size()];
        for (int i = 0; i < sites.size(); i++) {
            WorkSite s = sites.get(i);
            startDay[i] = s.start().toEpochDay();
            endDay[i] = s.end().toEpochDay();
            windowEndDay[i] = s.end().plusMonths(params.doubleDigMonths()).toEpochDay();
        }
    }

    /**
     * The overlapping sections of pairs of works on one street segment ({@code index} into the streets).
     * Sites come in the order of the run's list, which is by fid, so each pair has the lower fid first.
     */
    List<Overlap> overlaps(int index) {
        StreetSegment street = streets.all().get(index);
        Envelope search = new Envelope(street.line().getEnvelopeInternal());
        search.expandBy(params.bufferM());
        int[] near = siteIndex.query(search);
        List<Overlap> out = new ArrayList<>();
        if (near.length < 2) {
            return out;
        }
        List<Integer> on = new ArrayList<>();
        List<StreetSection> sections = new ArrayList<>();
        for (int i : near) {
            WorkSite s = sites.get(i);
            if (!hasPartnerInTime(i, near)) {
                continue;
            }
            StreetSection section = StreetSection.of(street.shape(), s.shape(), params.bufferM());
            if (section == null || crossesOnly(section, s, street)) {
                continue;
            }
            on.add(i);
            sections.add(section);
        }
        for (int a = 0; a < on.size(); a++) {
            for (int b = a + 1; b < on.size(); b++) {
                double overlap = sections.get(a).overlap(sections.get(b));
                if (overlap <= 0 || gapDays(on.get(a), on.get(b)) < 0) {
                    continue;
                }
                double from = Math.max(sections.get(a).from(), sections.get(b).from());
                double to = Math.min(sections.get(a).to(), sections.get(b).to());
                out.add(new Overlap(on.get(a), on.get(b), street, overlap, from, to));
            }
        }
        return out;
    }

    /** Whether another of the candidate works lies within the double-dig window of work {@code i}. */
    private boolean hasPartnerInTime(int i, int[] candidates) {
        for (int j : candidates) {
            if (j != i && gapDays(i, j) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A work crosses or touches the street there and does not run along it. */
    private boolean crossesOnly(StreetSection section, WorkSite site, StreetSegment street) {
        return section.length() < site.width() + CoordinationParameters.MIN_DOUBLE_DIG_OVERLAP_M
                && StreetSection.reach(street.shape(), site.shape()) > params.bufferM();
    }

    /**
     * Days between works {@code a} and {@code b} (indexes into the run's works): the later start minus
     * the earlier end, 0 when their windows overlap; -1 when they lie farther apart than the double-dig
     * window.
     */
    long gapDays(int a, int b) {
        boolean aFirst = endDay[a] < endDay[b] || endDay[a] == endDay[b] && startDay[a] <= startDay[b];
        int first = aFirst ? a : b;
        int second = aFirst ? b : a;
        if (startDay[second] <= endDay[first]) {
            return 0;
        }
        return startDay[second] > windowEndDay[first] ? -1 : startDay[second] - endDay[first];
    }

    /** Gathers the overlaps per pair of works and street name into findings (the pairs on several threads). */
    List<Finding> findings(List<Overlap> overlaps) {
        Map<Long, Map<String, List<Overlap>>> byPair = new LinkedHashMap<>();
        for (Overlap o : overlaps) {
            long key = (long) o.siteA() * sites.size() + o.siteB();
            String street = o.street().name() != null ? "name:" + o.street().name() : "fid:" + o.street().fid();
            byPair.computeIfAbsent(key, k -> new LinkedHashMap<>()).computeIfAbsent(street, k -> new ArrayList<>())
                    .add(o);
        }
        return new ArrayList<>(byPair.values()).parallelStream().map(this::finding).filter(Objects::nonNull)
                .collect(Collectors.toList());
    }

    /** The finding of one pair: on the street where it overlaps most; null when that is not more than the minimum. */
    private Finding finding(Map<String, List<Overlap>> perStreet) {
        List<Overlap> best = null;
        double bestLength = 0;
        for (List<Overlap> group : perStreet.values()) {
            double sum = group.stream().mapToDouble(Overlap::length).sum();
            if (sum > bestLength) {
                bestLength = sum;
                best = group;
            }
        }
        if (best == null || bestLength <= CoordinationParameters.MIN_DOUBLE_DIG_OVERLAP_M) {
            return null;
        }
        return finding(best, bestLength);
    }

    private Finding finding(List<Overlap> group, double length) {
        Overlap main = group.get(0);
        List<LineString> pieces = new ArrayList<>();
        for (Overlap o : group) {
            if (o.length() > main.length() || o.length() == main.length() && o.street().fid() < main.street().fid()) {
                main = o;
            }
            pieces.addAll(Sections.lines(o.piece()));
        }
        WorkSite a = sites.get(main.siteA());
        WorkSite b = sites.get(main.siteB());
        List<LineString> merged = Sections.merge(Sections.GF.buildGeometry(pieces));
        Geometry section = Sections.geometry(Sections.along(merged, main.street().line()));
        LocalDate start = a.start().isBefore(b.start()) ? a.start() : b.start();
        LocalDate end = a.end().isAfter(b.end()) ? a.end() : b.end();
        return new Finding(Finding.doubleDigId(a.fid(), b.fid()), FindingKind.DOUBLE_DIG, null, a.fid(), b.fid(),
                a.siteRef(), b.siteRef(), a.organisation(), b.organisation(), main.street().fid(),
                main.street().name(), districts.nameAt(Sections.midpoint(section)), start, end, null, null, null, null,
                gapDays(main.siteA(), main.siteB()), length, null, section);
    }
}
