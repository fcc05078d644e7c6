package de.trassenwerk.coverage;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The coverage-gap analysis of commercial land. For every commercial site with an area geometry:
 * <ul>
 * <li>the coverage cells it overlaps: read through the store's R-tree (one query per 1 km tile of sites),
 * kept when their exact intersection with the site has an area ({@code a_i} &gt; 0.001 m²; a cell that
 * only touches the site's edge covers none of it);</li>
 * <li>the best speed: the highest {@code max_down_mbps} of those cells (null when no cell with a speed
 * overlaps the site);</li>
 * <li>the gigabit share: {@code sum(share_gigabit_i * a_i) / sum(a_i)} over the overlapping cells with
 * {@code households > 0} and a {@code share_gigabit}; null when there is no such cell;</li>
 * <li>the district and quarter holding the largest part of the site's area (exact intersection);</li>
 * <li>under-served: the best speed is below {@link GapParameters#thresholdMbps()} or null.</li>
 * </ul>
 * Then per district: sites, under-served sites and their hectares.
 *
 * <p>Thread rules: {@link #analyse} blocks its caller; it reads the sites, districts and quarters on the
 * calling thread, then works on tiles of sites in parallel on the common fork-join pool, each tile reading
 * its cells from the store (the store's read pool serves several readers at once). The monitor is called
 * from those worker threads. Never call it on the JavaFX thread.
 */
public final class CoverageGaps {
    /** Share of the progress bar for reading sites and areas. */
    private static final double READ = 0.1;
    /** A smaller intersection is a rounding residue of a cell that only touches the site, not an overlap. */
    static final double MIN_OVERLAP_M2 = 1e-3;
    /** The side of the squares by which sites are grouped for reading their cells, in metres. */
    static final double TILE_M = 1000;

    private CoverageGaps() {
    }

    /**
     * The result of one run: the sites in fid order, the district summaries in name order (the sites
     * outside every district last), and the cells over each site. Immutable.
     *
     * @param parameters       the run's parameters
     * @param sites            one entry per commercial site with an area geometry
     * @param districts        one entry per district that holds a site
     * @param cellsBySite      the overlapping cells per site fid, largest overlap first
     * @param sitesWithoutArea commercial sites left out because they have no area geometry
     */
    public record Result(GapParameters parameters, List<SiteGap> sites, List<DistrictGapSummary> districts,
            Map<Long, List<CellOverlap>> cellsBySite, int sitesWithoutArea) {

        public Result {
            sites = List.copyOf(sites);
            districts = List.copyOf(districts);
            cellsBySite = Map.copyOf(cellsBySite);
        }

        /** The under-served sites (including those without coverage), in fid order. */
        public List<SiteGap> underserved() {
            return sites.stream().filter(SiteGap::underserved).collect(Collectors.toList());
        }

        /** The coverage cells overlapping the site {@code fid}, largest overlap first; empty when none. */
        public List<CellOverlap> cells(long fid) {
            return cellsBySite.getOrDefault(fid, List.of());
        }

        /** The sum of the under-served sites' hectares. */
        public double underservedHa() {
            return sites.stream().filter(SiteGap::underserved).mapToDouble(SiteGap::areaHa).sum();
        }
    }

    /** Runs the analysis on {@code store}; messages name the store's file (or the store). */
    public static Result analyse(FeatureStore store, GapParameters params, AnalysisMonitor monitor) {
        String source = store instanceof GeoPackageStore g ? String.valueOf(g.file().getFileName()) : String.valueOf(store);
        return analyse(store, source, params, monitor);
    }

    /**
     * Runs the analysis. {@code source} names the data in messages (usually the file name).
     *
     * @throws CoverageException     when the store lacks layers or fields the analysis needs, or their
     *                               coordinate systems are unusable
     * @throws CancellationException when the monitor asked to stop
     */
    public static Result analyse(FeatureStore store, String source, GapParameters params, AnalysisMonitor monitor) {
        Objects.requireNonNull(params, "params");
        monitor.progress(0);
        CoverageInput input = CoverageInput.read(store, source);
        checkCancel(monitor);
        LargestPart districts = new LargestPart(input.districts);
        LargestPart quarters = new LargestPart(input.quarters);
        monitor.progress(READ);

        List<List<CoverageInput.Site>> tiles = tiles(input.sites);
        int n = input.sites.size();
        AtomicInteger done = new AtomicInteger();
        List<Analysed> analysed = tiles.parallelStream().flatMap(tile -> {
            checkCancel(monitor);
            List<Analysed> out = analyseTile(store, input, tile, params, districts, quarters);
            monitor.progress(READ + (1 - READ) * done.addAndGet(tile.size()) / n);
            return out.stream();
        }).sorted(Comparator.comparingLong(a -> a.site().fid())).collect(Collectors.toList());
        checkCancel(monitor);

        List<SiteGap> sites = new ArrayList<>(n);
        Map<Long, List<CellOverlap>> cells = new HashMap<>();
        for (Analysed a : analysed) {
            sites.add(a.site());
            cells.put(a.site().fid(), a.cells());
        }
        monitor.progress(1);
        return new Result(params, sites, summarise(sites), cells, input.sitesWithoutArea);
    }

    /**
     * The sites grouped by the {@value #TILE_M} m square their envelope's centre lies in. Commercial land
     * comes in clusters, so the cells of a tile are read with one R-tree query over the tile's sites: about
     * six times fewer queries and half the cells of one query per site.
     */
    private static List<List<CoverageInput.Site>> tiles(List<CoverageInput.Site> sites) {
        Map<Long, List<CoverageInput.Site>> tiles = new TreeMap<>();
        for (CoverageInput.Site s : sites) {
            Coordinate c = s.geometry().getEnvelopeInternal().centre();
            long key = (long) Math.floor(c.x / TILE_M) * (1L << 32) + (long) Math.floor(c.y / TILE_M);
            tiles.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        return new ArrayList<>(tiles.values());
    }

    /** One site's answer and the cells behind it. */
    private record Analysed(SiteGap site, List<CellOverlap> cells) {
    }

    /** The sites of one tile: their cells read at once, then each site on its own. */
    private static List<Analysed> analyseTile(FeatureStore store, CoverageInput input, List<CoverageInput.Site> tile,
            GapParameters params, LargestPart districts, LargestPart quarters) {
        Envelope all = new Envelope();
        tile.forEach(s -> all.expandToInclude(s.geometry().getEnvelopeInternal()));
        List<Cell> cells = new ArrayList<>();
        store.read(input.cellsLayer, Query.bbox(all).withFields(input.cellFields, true), f -> {
            Geometry g = f.geometry();
            if (g != null && !g.isEmpty() && g.getDimension() == 2) {
                cells.add(new Cell(f, g.getEnvelopeInternal(), ConvexClip.of(g)));
            }
        });
        List<Analysed> out = new ArrayList<>(tile.size());
        for (CoverageInput.Site site : tile) {
            out.add(analyse(input, site, overlaps(site.geometry(), cells), params, districts, quarters));
        }
        return out;
    }

    private static Analysed analyse(CoverageInput input, CoverageInput.Site site, List<CellOverlap> cells,
            GapParameters params, LargestPart districts, LargestPart quarters) {
        Geometry area = site.geometry();
        Integer best = null;
        double weighted = 0;
        double weights = 0;
        for (CellOverlap c : cells) {
            if (c.maxDownMbps() != null && (best == null || c.maxDownMbps() > best)) {
                best = c.maxDownMbps();
            }
            if (c.hasHouseholds()) {
                weighted += c.shareGigabit() * c.overlapM2();
                weights += c.overlapM2();
            }
        }
        Double share = weights > 0 ? weighted / weights : null;
        boolean underserved = best == null || best < params.thresholdMbps();
        double ha = site.areaHa() != null ? site.areaHa() : area.getArea() / 10_000;
        SiteGap gap = new SiteGap(site.fid(), site.siteNo(), site.name(), districts.of(area), quarters.of(area), ha,
                site.status(), best, share, underserved, input.toProject.transform(area));
        return new Analysed(gap, cells);
    }

    /** A coverage cell read for a tile: the feature, its envelope, its clip when it is convex (as grid cells are). */
    private record Cell(Feature feature, Envelope envelope, ConvexClip clip) {
    }

    /**
     * Of {@code cells}, those whose intersection with {@code site} has an area; largest overlap first (then
     * by fid). Convex cells are measured by clipping the site to them, others by a general overlay.
     */
    private static List<CellOverlap> overlaps(Geometry site, List<Cell> cells) {
        Envelope env = site.getEnvelopeInternal();
        PreparedGeometry prepared = null;
        List<CellOverlap> out = new ArrayList<>();
        for (Cell cell : cells) {
            if (!env.intersects(cell.envelope())) {
                continue;
            }
            double overlap;
            Geometry g = cell.feature().geometry();
            if (cell.clip() != null) {
                overlap = cell.clip().areaOf(site);
            } else {
                prepared = prepared == null ? PreparedGeometryFactory.prepare(site) : prepared;
                overlap = !prepared.intersects(g) ? 0 : prepared.containsProperly(g) ? g.getArea()
                        : OverlayNGRobust.overlay(site, g, OverlayNG.INTERSECTION).getArea();
            }
            if (overlap > MIN_OVERLAP_M2) {
                Feature f = cell.feature();
                Long mbps = f.getLong("max_down_mbps");
                out.add(new CellOverlap(f.fid(), f.getString(CoverageInput.CELL_ID),
                        mbps == null ? null : (int) Math.min(Integer.MAX_VALUE, mbps), f.getLong("households"),
                        f.getDouble("share_gigabit"), overlap));
            }
        }
        out.sort(Comparator.comparingDouble(CellOverlap::overlapM2).reversed().thenComparingLong(CellOverlap::fid));
        return List.copyOf(out);
    }

    /** Per district (by name, German collation; sites in no district last): sites, under-served, hectares. */
    static List<DistrictGapSummary> summarise(List<SiteGap> sites) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Double> hectares = new HashMap<>();
        for (SiteGap s : sites) {
            int[] c = counts.computeIfAbsent(s.district(), k -> new int[2]);
            c[0]++;
            if (s.underserved()) {
                c[1]++;
                hectares.merge(s.district(), s.areaHa(), Double::sum);
            }
        }
        Collator german = Collator.getInstance(Locale.GERMAN);
        List<DistrictGapSummary> out = new ArrayList<>();
        counts.forEach((d, c) -> out.add(new DistrictGapSummary(d, c[0], c[1], hectares.getOrDefault(d, 0.0))));
        out.sort(Comparator.comparing(DistrictGapSummary::district, Comparator.nullsLast(german::compare)));
        return out;
    }

    private static void checkCancel(AnalysisMonitor monitor) {
        if (monitor.isCancelled()) {
            throw new CancellationException("coverage gaps cancelled");
        }
    }
}
