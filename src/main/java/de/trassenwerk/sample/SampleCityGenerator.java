package de.trassenwerk.sample;

import de.trassenwerk.crs.CoordinateTransform;
import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Generates the sample city: a deterministic (fixed seed) city that looks and behaves like
 * Duisburg, with every theme layer of the data model, and with the situations the analyses look
 * for made to happen on purpose (road works along planned routes, a route through a street under a
 * digging moratorium, two works on one street a few months apart, commercial land without gigabit).
 * All dates are relative to a reference date, so that the sample keeps past, current and future
 * works for ever. Pure computation: no I/O, no JavaFX.
 */
public final class SampleCityGenerator {
    /** The documented default reference date ("today" of the sample city). */
    public static final LocalDate DEFAULT_REFERENCE_DATE = LocalDate.of(2026, 9, 1);
    public static final long DEFAULT_SEED = 1929; // the year Duisburg and Hamborn were merged

    private final long seed;
    private final LocalDate today;
    private final GeometryFactory gf = new GeometryFactory();
    private final Map<String, List<Feature>> layers = new LinkedHashMap<>();

    private Polygon city;
    private Geometry water;
    private final List<Geometry> quarterGeoms = new ArrayList<>();
    private StreetNetwork net;
    /** Per street segment: its street group (named street in a quarter) and attributes. */
    private final List<StreetGroup> segmentGroup = new ArrayList<>();
    private final Map<String, StreetGroup> groups = new TreeMap<>();
    private final List<Feature> plots = new ArrayList<>();
    private final List<Integer> plotCluster = new ArrayList<>();
    private final List<NodeAt> nodes = new ArrayList<>();
    private final List<RoutePlan> routes = new ArrayList<>();
    private int siteCounter;

    /** A named street: name, class, width and last resurfacing, shared by its segments. */
    private static final class StreetGroup {
        final String name;
        final String streetClass;
        final double width;
        LocalDate renewed;

        StreetGroup(String name, String streetClass, double width, LocalDate renewed) {
            this.name = name;
            this.streetClass = streetClass;
            this.width = width;
            this.renewed = renewed;
        }
    }

    private record NodeAt(int vertex, String kind, String name) {
    }

    private record RoutePlan(List<Integer> segments, String status, LocalDate neededBy) {
    }

    private SampleCityGenerator(long seed, LocalDate today) {
        this.seed = seed;
        this.today = today;
        for (LayerSchema s : ThemeLayers.all()) {
            layers.put(s.name(), new ArrayList<>());
        }
    }

    /** Generates one city; the map holds every theme layer's features, in {@link ThemeLayers#all()} order. */
    public static Map<String, List<Feature>> generate(long seed, LocalDate referenceDate) {
        SampleCityGenerator g = new SampleCityGenerator(seed, referenceDate);
        g.run();
        return g.layers;
    }

    private SplittableRandom random(int step) {
        return new SplittableRandom(seed * 1_000_003L + step);
    }

    private void run() {
        city = polygon(DuisburgGazetteer.OUTLINE);
        Geometry rhine = line(DuisburgGazetteer.RHINE).buffer(DuisburgGazetteer.RHINE_HALF_WIDTH, 8);
        Geometry ruhr = line(DuisburgGazetteer.RUHR).buffer(DuisburgGazetteer.RUHR_HALF_WIDTH, 8);
        water = rhine.union(ruhr);
        Geometry frame = gf.toGeometry(expand(city.getEnvelopeInternal(), 600));
        add(ThemeLayers.WATER, multi(rhine.intersection(frame)), attrs("name", "Rhein", "kind", "river"));
        add(ThemeLayers.WATER, multi(ruhr.difference(rhine).intersection(frame)), attrs("name", "Ruhr", "kind", "river"));
        quartersAndDistricts();
        net = StreetNetwork.build(seed, city, water);
        streets();
        commercialSitesAndPlans();
        coverage();
        conduitsAndNodes();
        plannedRoutes();
        constructionSites();
    }

    // ---------------------------------------------------------------- reference layers

    private void quartersAndDistricts() {
        Geometry westHalf = westOfRhine();
        Geometry west = city.intersection(westHalf);
        Geometry east = city.difference(westHalf);
        Map<String, List<Geometry>> byDistrict = new LinkedHashMap<>();
        List<DuisburgGazetteer.Quarter> qs = DuisburgGazetteer.QUARTERS;
        Map<DuisburgGazetteer.Quarter, Geometry> cells = new HashMap<>();
        for (boolean westBank : new boolean[] {true, false}) {
            List<Coordinate> sites = new ArrayList<>();
            List<DuisburgGazetteer.Quarter> bank = new ArrayList<>();
            for (DuisburgGazetteer.Quarter q : qs) {
                if (q.westBank() == westBank) {
                    sites.add(new Coordinate(q.x(), q.y()));
                    bank.add(q);
                }
            }
            VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
            vb.setSites(sites);
            vb.setClipEnvelope(expand(city.getEnvelopeInternal(), 5000));
            Geometry diagram = vb.getDiagram(gf);
            Geometry part = westBank ? west : east;
            for (int i = 0; i < diagram.getNumGeometries(); i++) {
                Geometry cell = diagram.getGeometryN(i);
                Coordinate site = (Coordinate) cell.getUserData();
                for (DuisburgGazetteer.Quarter q : bank) {
                    if (q.x() == site.x && q.y() == site.y) {
                        cells.put(q, cell.intersection(part));
                    }
                }
            }
        }
        for (DuisburgGazetteer.Quarter q : qs) {
            Geometry g = polygonal(cells.get(q));
            quarterGeoms.add(g);
            add(ThemeLayers.QUARTERS, multi(g), attrs("name", q.name(), "district_code", q.districtCode(),
                    "code", q.code()));
            byDistrict.computeIfAbsent(q.districtCode(), k -> new ArrayList<>()).add(g);
        }
        for (DuisburgGazetteer.District d : DuisburgGazetteer.DISTRICTS) {
            Geometry union = polygonal(CascadedPolygonUnion.union(byDistrict.get(d.code())));
            add(ThemeLayers.DISTRICTS, multi(union), attrs("name", d.name(), "code", d.code()));
        }
    }

    /** The half-plane west of the Rhine, closed far to the west. */
    private Geometry westOfRhine() {
        double[] r = DuisburgGazetteer.RHINE;
        Coordinate[] ring = new Coordinate[r.length / 2 + 3];
        for (int i = 0; i < r.length / 2; i++) {
            ring[i] = new Coordinate(r[2 * i], r[2 * i + 1]);
        }
        int n = r.length / 2;
        ring[n] = new Coordinate(300000, r[r.length - 1]);
        ring[n + 1] = new Coordinate(300000, r[1]);
        ring[n + 2] = ring[0].copy();
        return gf.createPolygon(ring);
    }

    private void streets() {
        SplittableRandom rnd = random(3);
        Map<Integer, Set<String>> usedPerQuarter = new HashMap<>();
        STRtree quarterIndex = new STRtree();
        List<PreparedGeometry> prepared = new ArrayList<>();
        for (int i = 0; i < quarterGeoms.size(); i++) {
            prepared.add(PreparedGeometryFactory.prepare(quarterGeoms.get(i)));
            quarterIndex.insert(quarterGeoms.get(i).getEnvelopeInternal(), i);
        }
        List<String> mainRoads = new ArrayList<>(SampleNames.MAIN_ROADS);
        int mainIndex = 0;
        for (StreetNetwork.Segment s : net.segments) {
            LineString l = net.line(s, gf);
            Point mid = l.getCentroid();
            int quarter = quarterAt(mid, quarterIndex, prepared);
            String key;
            String cls;
            if (s.axis() == 'B') {
                key = "B:" + s.bridge();
                cls = "primary";
            } else if (s.line() % 32 == 0) {
                key = s.axis() + ":" + s.line();
                cls = "primary";
            } else if (s.line() % 8 == 0) {
                key = s.axis() + ":" + s.line() + ":" + DuisburgGazetteer.QUARTERS.get(Math.max(quarter, 0)).districtCode();
                cls = "secondary";
            } else {
                key = s.axis() + ":" + s.line() + ":" + quarter;
                cls = inCluster(mid.getX(), mid.getY(), 0.9) ? "service" : "residential";
            }
            StreetGroup g = groups.get(key);
            if (g == null) {
                String name;
                if (s.axis() == 'B') {
                    name = s.bridge();
                } else if (!cls.equals("residential") && !cls.equals("service")) {
                    name = mainRoads.get(mainIndex++ % mainRoads.size());
                } else {
                    name = SampleNames.residentialStreet(rnd, usedPerQuarter.computeIfAbsent(quarter,
                            k -> new HashSet<>()));
                }
                double width = switch (cls) {
                    case "primary" -> 20 + rnd.nextInt(6);
                    case "secondary" -> 13 + rnd.nextInt(4);
                    case "service" -> 7 + rnd.nextInt(3);
                    default -> 8 + rnd.nextInt(4);
                };
                LocalDate renewed = rnd.nextDouble() < 0.3 ? null
                        : today.minusDays(30 + rnd.nextInt(25 * 365));
                g = new StreetGroup(name, cls, width, renewed);
                groups.put(key, g);
            }
            segmentGroup.add(g);
        }
    }

    /** Streets are written after the routes have set the moratoria they need. */
    private void writeStreets() {
        for (int i = 0; i < net.segments.size(); i++) {
            StreetGroup g = segmentGroup.get(i);
            add(ThemeLayers.STREETS, net.line(net.segments.get(i), gf), attrs("name", g.name, "class", g.streetClass,
                    "surface_renewed", g.renewed == null ? null : g.renewed.toString(), "width_m", g.width));
        }
    }

    private int quarterAt(Point p, STRtree index, List<PreparedGeometry> prepared) {
        for (Object o : index.query(p.getEnvelopeInternal())) {
            int i = (Integer) o;
            if (prepared.get(i).intersects(p)) {
                return i;
            }
        }
        return nearestQuarter(p);
    }

    private int nearestQuarter(Geometry g) {
        int best = 0;
        double d = Double.MAX_VALUE;
        for (int i = 0; i < quarterGeoms.size(); i++) {
            double di = quarterGeoms.get(i).distance(g);
            if (di < d) {
                d = di;
                best = i;
            }
        }
        return best;
    }

    private static boolean inCluster(double x, double y, double factor) {
        for (DuisburgGazetteer.Cluster c : DuisburgGazetteer.CLUSTERS) {
            if (StrictMath.hypot(x - c.x(), y - c.y()) < c.radius() * factor) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- commercial land and plans

    private void commercialSitesAndPlans() {
        SplittableRandom rnd = random(4);
        PreparedGeometry inCity = PreparedGeometryFactory.prepare(city);
        PreparedGeometry wet = PreparedGeometryFactory.prepare(water.buffer(30));
        Set<StreetNetwork.Block> taken = new HashSet<>();
        int planNo = 1100;
        int siteNo = 1;
        List<DuisburgGazetteer.Cluster> clusters = DuisburgGazetteer.CLUSTERS;
        for (int ci = 0; ci < clusters.size(); ci++) {
            DuisburgGazetteer.Cluster c = clusters.get(ci);
            List<StreetNetwork.Block> candidates = new ArrayList<>();
            for (StreetNetwork.Block b : net.blocks) {
                Polygon poly = net.blockPolygon(b.ix(), b.iy(), b.size(), b.size(), gf);
                Point centre = poly.getCentroid();
                if (b.size() >= 2 && !taken.contains(b) && centre.distance(gf.createPoint(new Coordinate(c.x(), c.y())))
                        < c.radius() * 1.3 && inCity.containsProperly(poly) && !wet.intersects(poly)) {
                    candidates.add(b);
                }
            }
            candidates.sort(Comparator.comparingDouble(b -> StrictMath.hypot(
                    StreetNetwork.gx(b.ix() + b.size() / 2.0) - c.x(), StreetNetwork.gy(b.iy() + b.size() / 2.0) - c.y())));
            String planId = "Nr. " + planNo++;
            List<Geometry> clusterPlots = new ArrayList<>();
            int made = 0;
            for (StreetNetwork.Block b : candidates) {
                if (made >= c.plots()) {
                    break;
                }
                taken.add(b);
                int splitX = b.size() >= 4 ? 1 + rnd.nextInt(2) : 1;
                int splitY = b.size() >= 2 ? 1 + rnd.nextInt(2) : 1;
                double w = (double) b.size() / splitX;
                double h = (double) b.size() / splitY;
                for (int i = 0; i < splitX && made < c.plots(); i++) {
                    for (int j = 0; j < splitY && made < c.plots(); j++) {
                        Polygon part = net.blockPolygon(b.ix() + i * w, b.iy() + j * h, w, h, gf);
                        Geometry plot = part.buffer(-(splitX * splitY > 1 ? 16 : 18), 1,
                                BufferParameters.CAP_FLAT);
                        if (plot.isEmpty() || plot.getArea() < 2000) {
                            continue;
                        }
                        String status = pick(rnd, new String[] {"available", "reserved", "sold"}, 0.55, 0.25);
                        String zoning = c.zoning().equals("MI") ? (rnd.nextBoolean() ? "MI" : "SO") : c.zoning();
                        String siteNoText = String.format(Locale.ROOT, "DU-%04d", siteNo++);
                        Feature f = Feature.create(multi(plot), attrs("site_no", siteNoText,
                                "name", c.name() + ", Fläche " + (made + 1),
                                "area_ha", Math.round(plot.getArea() / 100.0) / 100.0, "status", status,
                                "zoning", zoning, "plan_no", planId,
                                "contact_org", "Wirtschaftsförderung Duisburg",
                                "contact_person", SampleNames.person(rnd)));
                        plots.add(f);
                        plotCluster.add(ci);
                        clusterPlots.add(plot);
                        made++;
                    }
                }
            }
            if (!clusterPlots.isEmpty()) {
                Geometry area = polygonal(gf.buildGeometry(clusterPlots).convexHull().buffer(25, 4)
                        .intersection(city).difference(water));
                add(ThemeLayers.LAND_USE_PLANS, multi(area), attrs("plan_no", planId,
                        "title", (c.zoning().equals("GI") ? "Industriegebiet " : "Gewerbegebiet ") + c.name(),
                        "in_force_since", LocalDate.of(1972 + rnd.nextInt(48), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28))
                                .toString(),
                        "zoning", c.zoning()));
            }
        }
        for (Feature p : plots) {
            add(ThemeLayers.COMMERCIAL_SITES, p);
        }
        // a few residential plans around the centres
        for (DuisburgGazetteer.Centre c : DuisburgGazetteer.CENTRES) {
            int ix = (int) Math.round((c.x() + 300 - StreetNetwork.ORIGIN_X) / StreetNetwork.UNIT);
            int iy = (int) Math.round((c.y() - 400 - StreetNetwork.ORIGIN_Y) / StreetNetwork.UNIT);
            Polygon area = net.blockPolygon(ix, iy, 3, 2, gf);
            Geometry plan = polygonal(area.buffer(-8, 1, BufferParameters.CAP_FLAT).intersection(city).difference(water));
            if (plan.isEmpty()) {
                continue;
            }
            add(ThemeLayers.LAND_USE_PLANS, multi(plan), attrs("plan_no", "Nr. " + planNo++,
                    "title", "Wohngebiet " + c.name(),
                    "in_force_since", LocalDate.of(1965 + rnd.nextInt(55), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28))
                            .toString(),
                    "zoning", rnd.nextBoolean() ? "WA" : "MI"));
        }
    }

    // ---------------------------------------------------------------- broadband coverage

    private void coverage() {
        SplittableRandom rnd = random(5);
        CoordinateTransform toUtm = CoordinateTransform.between(SpatialReferences.LAEA_EUROPE, SpatialReferences.PROJECT_SRS);
        CoordinateTransform toLaea = CoordinateTransform.between(SpatialReferences.PROJECT_SRS, SpatialReferences.LAEA_EUROPE);
        Envelope env = city.getEnvelopeInternal();
        Envelope laea = new Envelope();
        for (double[] c : new double[][] {{env.getMinX(), env.getMinY()}, {env.getMaxX(), env.getMinY()},
            {env.getMinX(), env.getMaxY()}, {env.getMaxX(), env.getMaxY()}}) {
            double[] t = toLaea.transform(c[0], c[1]);
            laea.expandToInclude(t[0], t[1]);
        }
        long e0 = (long) Math.floor(laea.getMinX() / 100) * 100 - 100;
        long n0 = (long) Math.floor(laea.getMinY() / 100) * 100 - 100;
        long e1 = (long) Math.ceil(laea.getMaxX() / 100) * 100 + 100;
        long n1 = (long) Math.ceil(laea.getMaxY() / 100) * 100 + 100;
        PreparedGeometry inCity = PreparedGeometryFactory.prepare(city);
        PreparedGeometry wet = PreparedGeometryFactory.prepare(water);
        ValueNoise fibre = new ValueNoise(seed + 51, 1400);
        ValueNoise cable = new ValueNoise(seed + 52, 2200);
        ValueNoise people = new ValueNoise(seed + 53, 500);
        String survey = today.minusMonths(5).withDayOfMonth(1).toString();
        int cols = (int) ((e1 - e0) / 100) + 1;
        Coordinate[] previousRow = null;
        for (long n = n0; n <= n1; n += 100) {
            Coordinate[] row = new Coordinate[cols];
            for (int i = 0; i < cols; i++) {
                double[] t = toUtm.transform(e0 + i * 100.0, n);
                row[i] = new Coordinate(Math.round(t[0] * 100) / 100.0, Math.round(t[1] * 100) / 100.0);
            }
            if (previousRow != null) {
                for (int i = 0; i + 1 < cols; i++) {
                    Coordinate a = previousRow[i];
                    Coordinate b = previousRow[i + 1];
                    Coordinate c = row[i + 1];
                    Coordinate d = row[i];
                    Point centre = gf.createPoint(new Coordinate((a.x + c.x) / 2, (a.y + c.y) / 2));
                    if (!inCity.contains(centre)) {
                        continue;
                    }
                    Polygon cell = gf.createPolygon(new Coordinate[] {a.copy(), b.copy(), c.copy(), d.copy(), a.copy()});
                    long cellE = e0 + i * 100L;
                    long cellN = n - 100;
                    coverageCell(cell, centre, cellE, cellN, wet.contains(centre), fibre, cable, people, rnd, survey);
                }
            }
            previousRow = row;
        }
    }

    private void coverageCell(Polygon cell, Point centre, long e, long n, boolean inWater, ValueNoise fibre,
            ValueNoise cable, ValueNoise people, SplittableRandom rnd, String survey) {
        double x = centre.getX();
        double y = centre.getY();
        double urban = 0;
        for (DuisburgGazetteer.Centre c : DuisburgGazetteer.CENTRES) {
            double r = StrictMath.hypot(x - c.x(), y - c.y()) / (c.radius() * 1.8);
            urban = Math.max(urban, StrictMath.exp(-r * r));
        }
        double industry = 0;
        boolean poorly = false;
        for (DuisburgGazetteer.Cluster c : DuisburgGazetteer.CLUSTERS) {
            double r = StrictMath.hypot(x - c.x(), y - c.y()) / c.radius();
            double v = StrictMath.exp(-r * r);
            if (v > industry) {
                industry = v;
                poorly = c.poorlyServed();
            }
        }
        long households = inWater ? 0 : Math.round((8 + 140 * urban) * (1 - 0.95 * industry)
                * (0.4 + 1.2 * people.at(x, y)));
        double f = fibre.at(x, y) + 0.25 * urban;
        double k = cable.at(x, y) + 0.35 * urban;
        if (poorly) {
            f -= 0.9 * industry;
            k -= 1.2 * industry;
        } else {
            f -= 0.2 * industry;
            k -= 0.5 * industry;
        }
        String tech;
        long mbps;
        if (f > 0.78) {
            tech = "FTTH";
            mbps = 1000;
        } else if (f > 0.70) {
            tech = "FTTB";
            mbps = 1000;
        } else if (k > 0.42) {
            tech = "DOCSIS";
            mbps = 1000;
        } else if (k > 0.12) {
            tech = "VDSL";
            mbps = rnd.nextDouble() < 0.6 ? 250 : 100;
        } else if (k > -0.25) {
            tech = "ADSL";
            mbps = 16;
        } else {
            tech = "none";
            mbps = 0;
        }
        Double share = null;
        if (households > 0) {
            share = mbps >= 1000 ? Math.round((0.7 + 0.3 * rnd.nextDouble()) * 100) / 100.0 : 0.0;
        }
        add(ThemeLayers.COVERAGE_CELLS, cell, attrs("cell_id", "CRS3035RES100mN" + n + "E" + e,
                "households", households, "max_down_mbps", mbps, "technology", tech, "share_gigabit", share,
                "survey_date", survey));
    }

    // ---------------------------------------------------------------- ducts and nodes

    private void conduitsAndNodes() {
        SplittableRandom rnd = random(6);
        // runs of consecutive segments along every secondary and primary grid line
        Map<String, List<Integer>> lines = new TreeMap<>();
        for (int i = 0; i < net.segments.size(); i++) {
            StreetNetwork.Segment s = net.segments.get(i);
            if (s.axis() != 'B' && s.line() % 8 == 0) {
                lines.computeIfAbsent(s.axis() + ":" + s.line(), k -> new ArrayList<>()).add(i);
            }
        }
        int cabinets = 0;
        int manholes = 0;
        Set<Integer> nodeVertices = new HashSet<>();
        for (Map.Entry<String, List<Integer>> e : lines.entrySet()) {
            List<List<Integer>> runs = runs(e.getValue(), e.getKey().charAt(0) == 'H');
            boolean primary = Integer.parseInt(e.getKey().substring(2)) % 32 == 0;
            for (List<Integer> run : runs) {
                int pos = 0;
                while (pos < run.size()) {
                    int len = 3 + rnd.nextInt(8);
                    List<Integer> piece = run.subList(pos, Math.min(run.size(), pos + len));
                    pos += len;
                    if (rnd.nextDouble() < 0.1) {
                        continue;
                    }
                    int owners = primary ? 2 : 1;
                    for (int o = 0; o < owners; o++) {
                        conduit(piece, e.getKey().charAt(0) == 'H', 1.5 + 3 * o, rnd);
                    }
                    int first = startVertex(piece);
                    if (rnd.nextDouble() < 0.35 && nodeVertices.add(first)) {
                        cabinets++;
                        nodes.add(new NodeAt(first, "cabinet", String.format(Locale.ROOT, "KVz %03d", cabinets)));
                    } else if (rnd.nextDouble() < 0.3 && nodeVertices.add(first)) {
                        manholes++;
                        nodes.add(new NodeAt(first, "manhole", String.format(Locale.ROOT, "Schacht %04d", manholes)));
                    }
                }
            }
        }
        // one point of presence per district (two in Mitte), on a duct-carrying vertex near its centre
        List<Integer> ductVertices = new ArrayList<>();
        for (List<Integer> segs : lines.values()) {
            for (int i : segs) {
                ductVertices.add(net.segments.get(i).a());
            }
        }
        double[][] pops = {{342000, 5709600}, {345300, 5706300}, {344700, 5703500}, {340100, 5702700},
            {344300, 5700300}, {346600, 5699300}, {340500, 5697800}, {344500, 5693500}};
        String[] popNames = {"PoP Walsum", "PoP Hamborn", "PoP Meiderich", "PoP Homberg", "PoP Mitte",
            "PoP Neudorf", "PoP Rheinhausen", "PoP Süd"};
        for (int p = 0; p < pops.length; p++) {
            Coordinate target = new Coordinate(pops[p][0], pops[p][1]);
            int best = ductVertices.stream().filter(v -> !nodeVertices.contains(v))
                    .min(Comparator.comparingDouble((Integer v) -> net.vertices.get(v).distance(target))
                            .thenComparingInt(v -> v)).orElseThrow();
            nodeVertices.add(best);
            nodes.add(new NodeAt(best, "PoP", popNames[p]));
        }
        for (NodeAt n : nodes) {
            String owner = n.kind().equals("PoP") ? "DU-IT" : SampleNames.DUCT_OWNERS.get(rnd.nextInt(4));
            add(ThemeLayers.NETWORK_NODES, gf.createPoint(net.vertices.get(n.vertex()).copy()),
                    attrs("kind", n.kind(), "owner", owner, "name", n.name()));
        }
    }

    /** Splits the segments of one grid line into runs of connected segments, in order along the line. */
    private List<List<Integer>> runs(List<Integer> segs, boolean alongX) {
        List<Integer> sorted = new ArrayList<>(segs);
        sorted.sort(Comparator.comparingDouble(i -> {
            Coordinate a = net.vertices.get(net.segments.get(i).a());
            Coordinate b = net.vertices.get(net.segments.get(i).b());
            return alongX ? Math.min(a.x, b.x) : Math.min(a.y, b.y);
        }));
        List<List<Integer>> runs = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int lastEnd = -1;
        for (int i : sorted) {
            StreetNetwork.Segment s = net.segments.get(i);
            int start = lowEnd(s, alongX);
            if (!current.isEmpty() && start != lastEnd) {
                runs.add(current);
                current = new ArrayList<>();
            }
            current.add(i);
            lastEnd = start == s.a() ? s.b() : s.a();
        }
        if (!current.isEmpty()) {
            runs.add(current);
        }
        return runs;
    }

    private int lowEnd(StreetNetwork.Segment s, boolean alongX) {
        Coordinate a = net.vertices.get(s.a());
        Coordinate b = net.vertices.get(s.b());
        return (alongX ? a.x <= b.x : a.y <= b.y) ? s.a() : s.b();
    }

    private int startVertex(List<Integer> piece) {
        return net.segments.get(piece.get(0)).a();
    }

    private void conduit(List<Integer> piece, boolean alongX, double offset, SplittableRandom rnd) {
        List<Coordinate> coords = chain(piece);
        if (coords.size() < 2) {
            return;
        }
        List<Coordinate> shifted = new ArrayList<>();
        for (Coordinate c : coords) {
            shifted.add(alongX ? new Coordinate(c.x, c.y + offset) : new Coordinate(c.x + offset, c.y));
        }
        String status = pick(rnd, new String[] {"existing", "planned", "under_construction"}, 0.8, 0.12);
        int[] tubeChoices = {1, 2, 4, 7, 12, 24};
        int tubes = tubeChoices[rnd.nextInt(tubeChoices.length)];
        int free = status.equals("existing") ? (rnd.nextDouble() < 0.3 ? 0 : rnd.nextInt(tubes) + 1) : tubes;
        boolean micro = tubes >= 7;
        add(ThemeLayers.CONDUITS, gf.createLineString(shifted.toArray(new Coordinate[0])), attrs(
                "owner", SampleNames.DUCT_OWNERS.get(rnd.nextInt(SampleNames.DUCT_OWNERS.size())),
                "status", status,
                "duct_type", micro ? "Mikrorohrverband " + tubes + "x16/12" : "Schutzrohr " + (tubes == 1 ? "50" : "110") + " mm",
                "tubes_total", (long) tubes, "tubes_free", (long) free,
                "diameter_mm", (long) (micro ? 16 : tubes == 1 ? 50 : 110),
                "depth_m", Math.round((0.6 + rnd.nextDouble() * 0.6) * 100) / 100.0,
                "install_year", status.equals("existing") ? (long) (1995 + rnd.nextInt(today.getYear() - 1995)) : null,
                "funded", rnd.nextDouble() < 0.2, "restricted", rnd.nextDouble() < 0.05));
    }

    /** The coordinates of a chain of consecutive segments, in order. */
    private List<Coordinate> chain(List<Integer> segs) {
        List<Coordinate> out = new ArrayList<>();
        int at = -1;
        for (int k = 0; k < segs.size(); k++) {
            StreetNetwork.Segment s = net.segments.get(segs.get(k));
            if (k == 0) {
                int a = s.a();
                int b = s.b();
                if (segs.size() > 1) {
                    StreetNetwork.Segment next = net.segments.get(segs.get(1));
                    if (next.a() == a || next.b() == a) {
                        int t = a;
                        a = b;
                        b = t;
                    }
                }
                out.add(net.vertices.get(a).copy());
                out.add(net.vertices.get(b).copy());
                at = b;
            } else {
                int next = s.a() == at ? s.b() : s.b() == at ? s.a() : -1;
                if (next < 0) {
                    break;
                }
                out.add(net.vertices.get(next).copy());
                at = next;
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- planned routes

    private void plannedRoutes() {
        SplittableRandom rnd = random(7);
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        Map<DefaultWeightedEdge, Integer> edgeSegment = new HashMap<>();
        for (int i = 0; i < net.segments.size(); i++) {
            StreetNetwork.Segment s = net.segments.get(i);
            graph.addVertex(s.a());
            graph.addVertex(s.b());
            DefaultWeightedEdge e = graph.addEdge(s.a(), s.b());
            if (e != null) {
                graph.setEdgeWeight(e, net.vertices.get(s.a()).distance(net.vertices.get(s.b())));
                edgeSegment.put(e, i);
            }
        }
        Map<Integer, NodeAt> targets = new HashMap<>();
        for (NodeAt n : nodes) {
            if (!n.kind().equals("manhole")) {
                targets.put(n.vertex(), n);
            }
        }
        DijkstraShortestPath<Integer, DefaultWeightedEdge> dijkstra = new DijkstraShortestPath<>(graph);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < plots.size(); i++) {
            order.add(i);
        }
        // every fifth plot, poorly served clusters first
        order.sort(Comparator.comparingInt((Integer i) ->
                DuisburgGazetteer.CLUSTERS.get(plotCluster.get(i)).poorlyServed() ? 0 : 1).thenComparingInt(i -> i));
        int made = 0;
        for (int idx = 0; idx < order.size() && made < 28; idx += 3) {
            Feature plot = plots.get(order.get(idx));
            Point centre = plot.geometry().getInteriorPoint();
            int start = nearestVertex(graph, centre.getCoordinate());
            var paths = dijkstra.getPaths(start);
            NodeAt best = null;
            double bestLen = Double.MAX_VALUE;
            for (NodeAt n : targets.values()) {
                double w = paths.getWeight(n.vertex());
                if (w > 200 && (w < bestLen || (w == bestLen && best != null && n.vertex() < best.vertex()))) {
                    bestLen = w;
                    best = n;
                }
            }
            if (best == null || bestLen > 6000) {
                continue;
            }
            GraphPath<Integer, DefaultWeightedEdge> path = paths.getPath(best.vertex());
            List<Integer> segs = new ArrayList<>();
            for (DefaultWeightedEdge e : path.getEdgeList()) {
                segs.add(edgeSegment.get(e));
            }
            List<Coordinate> coords = new ArrayList<>();
            Coordinate startAt = net.vertices.get(start);
            Coordinate edgeOfPlot = DistanceOp.nearestPoints(plot.geometry().getBoundary(),
                    gf.createPoint(startAt))[0];
            coords.add(round(edgeOfPlot));
            for (int v : path.getVertexList()) {
                Coordinate c = net.vertices.get(v);
                if (!coords.get(coords.size() - 1).equals2D(c)) {
                    coords.add(c.copy());
                }
            }
            if (coords.size() < 2) {
                continue;
            }
            LineString route = gf.createLineString(coords.toArray(new Coordinate[0]));
            String status = pick(rnd, new String[] {"draft", "agreed", "built"}, 0.6, 0.25);
            LocalDate neededBy = status.equals("built") ? today.minusMonths(2 + rnd.nextInt(20))
                    : rnd.nextDouble() < 0.15 ? null : today.plusMonths(6 + rnd.nextInt(14));
            Map<String, double[]> breakdown = new TreeMap<>();
            double cost = 0;
            for (int s : segs) {
                StreetGroup g = segmentGroup.get(s);
                double m = net.line(net.segments.get(s), gf).getLength();
                double rate = switch (g.streetClass) {
                    case "primary" -> 150;
                    case "secondary" -> 120;
                    case "service" -> 75;
                    default -> 90;
                };
                breakdown.computeIfAbsent("trench_" + g.streetClass, k -> new double[2])[0] += m;
                breakdown.get("trench_" + g.streetClass)[1] += m * rate;
                cost += m * rate;
            }
            double lead = coords.get(0).distance(coords.get(1));
            breakdown.computeIfAbsent("trench_residential", k -> new double[2])[0] += lead;
            breakdown.get("trench_residential")[1] += lead * 90;
            cost += lead * 90;
            StringBuilder json = new StringBuilder("{");
            for (Map.Entry<String, double[]> e : breakdown.entrySet()) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append(String.format(Locale.ROOT, "\"%s\":{\"m\":%.1f,\"eur\":%d}", e.getKey(), e.getValue()[0],
                        Math.round(e.getValue()[1])));
            }
            json.append('}');
            add(ThemeLayers.PLANNED_ROUTES, route, attrs("name", "Anbindung " + plot.getString("name"),
                    "from_ref", plot.getString("site_no"), "to_ref", best.name(), "status", status,
                    "needed_by", neededBy == null ? null : neededBy.toString(),
                    "length_m", Math.round(route.getLength() * 10) / 10.0, "cost_eur", (double) Math.round(cost),
                    "cost_breakdown", json.toString()));
            routes.add(new RoutePlan(segs, status, neededBy));
            made++;
        }
        // Situation: planned routes that cross a street still under its digging moratorium
        int clashes = 0;
        for (RoutePlan r : routes) {
            if (clashes >= 5 || r.status().equals("built") || r.segments().size() < 4) {
                continue;
            }
            StreetGroup g = segmentGroup.get(r.segments().get(r.segments().size() / 2));
            g.renewed = today.minusDays(200 + rnd.nextInt(700));
            clashes++;
        }
        writeStreets();
    }

    private int nearestVertex(Graph<Integer, DefaultWeightedEdge> graph, Coordinate c) {
        int best = -1;
        double d = Double.MAX_VALUE;
        for (int v : graph.vertexSet()) {
            double dv = net.vertices.get(v).distance(c);
            if (dv < d || (dv == d && v < best)) {
                d = dv;
                best = v;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- construction sites

    private static final String[] KINDS = {"road_renewal", "sewer", "water", "gas", "district_heating", "power",
        "telecom", "bridge"};
    private static final double[] KIND_WEIGHTS = {0.2, 0.18, 0.15, 0.1, 0.08, 0.12, 0.12, 0.05};

    private void constructionSites() {
        SplittableRandom rnd = random(8);
        // Situation: works along planned routes that a route can join (co-laying chances)
        int chances = 0;
        for (RoutePlan r : routes) {
            if (chances >= 10 || r.status().equals("built") || r.segments().size() < 5) {
                continue;
            }
            int from = 1 + rnd.nextInt(Math.max(1, r.segments().size() - 4));
            List<Integer> stretch = r.segments().subList(from, Math.min(r.segments().size(), from + 2 + rnd.nextInt(3)));
            long latest = r.neededBy() == null ? 540 : Math.max(80, today.until(r.neededBy()).toTotalMonths() * 30 - 20);
            LocalDate start = today.plusDays(70 + rnd.nextInt((int) Math.max(1, latest - 70)));
            String kind = new String[] {"sewer", "water", "district_heating", "power"}[rnd.nextInt(4)];
            site(stretch, kind, start, start.plusDays(60 + rnd.nextInt(120)), true, rnd);
            chances++;
        }
        // Situation: two works on the same street a few months apart (one trench could serve both)
        for (int pair = 0; pair < 14; pair++) {
            List<Integer> stretch = randomStretch(rnd, 2 + rnd.nextInt(3));
            LocalDate start = today.plusDays(-400 + rnd.nextInt(900));
            LocalDate end = start.plusDays(30 + rnd.nextInt(90));
            site(stretch, KINDS[1 + rnd.nextInt(6)], start, end, true, rnd);
            List<Integer> second = stretch.size() > 2 ? stretch.subList(1, stretch.size()) : stretch;
            LocalDate start2 = end.plusDays(20 + rnd.nextInt(150));
            site(second, KINDS[1 + rnd.nextInt(6)], start2, start2.plusDays(30 + rnd.nextInt(90)), true, rnd);
        }
        // Everything else: works spread over three years back and two ahead
        while (siteCounter < 1800) {
            String kind = KINDS[weighted(rnd, KIND_WEIGHTS)];
            List<Integer> stretch = randomStretch(rnd, 1 + rnd.nextInt(4));
            LocalDate start = today.plusDays(-3 * 365 + rnd.nextInt(5 * 365));
            int days = kind.equals("bridge") ? 120 + rnd.nextInt(400) : 14 + rnd.nextInt(250);
            boolean trench = switch (kind) {
                case "road_renewal" -> rnd.nextDouble() < 0.4;
                case "bridge" -> false;
                default -> rnd.nextDouble() < 0.85;
            };
            site(stretch, kind, start, start.plusDays(days), trench, rnd);
        }
    }

    /** A chain of {@code n} consecutive segments along one street, starting at a random segment. */
    private List<Integer> randomStretch(SplittableRandom rnd, int n) {
        int first = rnd.nextInt(net.segments.size());
        List<Integer> out = new ArrayList<>();
        out.add(first);
        StreetNetwork.Segment s = net.segments.get(first);
        StreetGroup g = segmentGroup.get(first);
        int at = s.b();
        for (int k = 1; k < n; k++) {
            int next = -1;
            for (int cand : segmentsAt(at)) {
                if (!out.contains(cand) && segmentGroup.get(cand) == g) {
                    next = cand;
                    break;
                }
            }
            if (next < 0) {
                break;
            }
            out.add(next);
            StreetNetwork.Segment ns = net.segments.get(next);
            at = ns.a() == at ? ns.b() : ns.a();
        }
        return out;
    }

    private Map<Integer, List<Integer>> byVertex;

    private List<Integer> segmentsAt(int vertex) {
        if (byVertex == null) {
            byVertex = new HashMap<>();
            for (int i = 0; i < net.segments.size(); i++) {
                byVertex.computeIfAbsent(net.segments.get(i).a(), k -> new ArrayList<>()).add(i);
                byVertex.computeIfAbsent(net.segments.get(i).b(), k -> new ArrayList<>()).add(i);
            }
        }
        return byVertex.getOrDefault(vertex, List.of());
    }

    private void site(List<Integer> stretch, String kind, LocalDate start, LocalDate end, boolean trench,
            SplittableRandom rnd) {
        StreetGroup g = segmentGroup.get(stretch.get(0));
        List<Coordinate> coords = chain(stretch);
        LineString axis = gf.createLineString(coords.toArray(new Coordinate[0]));
        BufferParameters bp = new BufferParameters(4, BufferParameters.CAP_FLAT, BufferParameters.JOIN_MITRE, 3);
        Geometry footprint = polygonal(org.locationtech.jts.operation.buffer.BufferOp.bufferOp(axis, g.width / 2, bp));
        String status;
        if (end.isBefore(today)) {
            status = rnd.nextDouble() < 0.96 ? "done" : "active";
        } else if (!start.isAfter(today)) {
            status = "active";
        } else if (today.until(start).toTotalMonths() < 2) {
            status = "approved";
        } else {
            status = rnd.nextBoolean() ? "approved" : "planned";
        }
        String organisation = switch (kind) {
            case "sewer" -> "Wirtschaftsbetriebe Duisburg";
            case "water", "gas", "power", "district_heating" -> "Netze Duisburg";
            case "telecom" -> SampleNames.DUCT_OWNERS.get(rnd.nextInt(5));
            case "bridge" -> "Stadt Duisburg, Brückenbau";
            default -> "Stadt Duisburg, Straßenbau";
        };
        String title = switch (kind) {
            case "sewer" -> "Kanalsanierung ";
            case "water" -> "Erneuerung Wasserleitung ";
            case "gas" -> "Erneuerung Gasleitung ";
            case "district_heating" -> "Fernwärmeleitung ";
            case "power" -> "Kabelverlegung Strom ";
            case "telecom" -> "Glasfaserausbau ";
            case "bridge" -> "Brückensanierung ";
            default -> "Fahrbahnerneuerung ";
        } + g.name;
        siteCounter++;
        add(ThemeLayers.CONSTRUCTION_SITES, multi(footprint), attrs(
                "site_ref", String.format(Locale.ROOT, "BS-%d-%04d", start.getYear(), siteCounter),
                "title", title, "kind", kind, "organisation", organisation,
                "contact_person", SampleNames.person(rnd),
                "start_date", start.toString(), "end_date", end.toString(), "status", status,
                "open_trench", trench, "surface", pick(rnd, new String[] {"road", "footway", "mixed"}, 0.6, 0.25),
                "traffic_impact", pick(rnd, new String[] {"lane_closed", "none", "road_closed"}, 0.55, 0.25)));
    }

    // ---------------------------------------------------------------- helpers

    private static String pick(SplittableRandom rnd, String[] values, double p0, double p1) {
        double u = rnd.nextDouble();
        return u < p0 ? values[0] : u < p0 + p1 ? values[1] : values[2];
    }

    private static int weighted(SplittableRandom rnd, double[] weights) {
        double u = rnd.nextDouble();
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            if (u < sum) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static Coordinate round(Coordinate c) {
        return new Coordinate(Math.round(c.x * 100) / 100.0, Math.round(c.y * 100) / 100.0);
    }

    private Polygon polygon(double[] xy) {
        Coordinate[] ring = new Coordinate[xy.length / 2 + 1];
        for (int i = 0; i < xy.length / 2; i++) {
            ring[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        ring[ring.length - 1] = ring[0].copy();
        Polygon p = gf.createPolygon(ring);
        return org.locationtech.jts.algorithm.Orientation.isCCW(p.getExteriorRing().getCoordinateSequence()) ? p : p.reverse();
    }

    private LineString line(double[] xy) {
        Coordinate[] c = new Coordinate[xy.length / 2];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return gf.createLineString(c);
    }

    private static Envelope expand(Envelope e, double by) {
        Envelope copy = new Envelope(e);
        copy.expandBy(by);
        return copy;
    }

    /** Only the polygons of a geometry (intersections may leave lines or points behind). */
    private Geometry polygonal(Geometry g) {
        List<Polygon> polys = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p && !p.isEmpty() && p.getArea() > 1) {
                polys.add(p);
            } else if (part instanceof MultiPolygon || part.getNumGeometries() > 1) {
                Geometry inner = polygonal(part);
                for (int k = 0; k < inner.getNumGeometries(); k++) {
                    polys.add((Polygon) inner.getGeometryN(k));
                }
            }
        }
        return polys.size() == 1 ? polys.get(0) : gf.createMultiPolygon(polys.toArray(new Polygon[0]));
    }

    private MultiPolygon multi(Geometry g) {
        Geometry p = polygonal(g);
        if (p instanceof MultiPolygon m) {
            return m;
        }
        return gf.createMultiPolygon(new Polygon[] {(Polygon) p});
    }

    private void add(String layer, Geometry g, Map<String, Object> attributes) {
        layers.get(layer).add(Feature.create(g, attributes));
    }

    private void add(String layer, Feature f) {
        layers.get(layer).add(f);
    }

    private static Map<String, Object> attrs(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
