package de.trassenwerk.routing;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.coordination.CoordinationParameters;
import de.trassenwerk.coordination.CostModel;
import de.trassenwerk.coordination.DigConditions;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;

/**
 * The fibre route planner of one GeoPackage: loads the streets, free ducts, open-trench works,
 * network nodes and commercial sites once ({@link #load}), builds the priced {@link StreetGraph}, and
 * then answers route requests: least-cost routes from a commercial site or a point to a named network
 * node, to the cheapest PoP or cabinet, or to a point, with alternatives; and "plan all gaps" for many
 * sites at once.
 *
 * <p><b>Pricing</b> (per stretch of each street, by the coordination rules, see {@link DigConditions}):
 * within 5 m of a free existing duct → {@code duct_reuse}; else within the buffer distance of an
 * open-trench work starting between today + lead time and today + horizon → {@code co_laying}; else
 * a new open trench at the rate of the street's class → {@code trench_<class>}. A street under its
 * digging moratorium today may not be dug: only its free-duct stretches are usable (co-laying there
 * does not count: it would open the street too), unless the request allows it, and then its other
 * stretches cost the moratorium factor times the trench rate ({@code moratorium_trench}) and the
 * route is flagged. A route from a commercial site starts at the street point nearest to the plot;
 * the straight connection from there to the plot's edge is priced as trench of that street's class
 * ({@code site_connection}, not a moratorium trench: it crosses the footway, not the road).
 *
 * <p><b>Alternatives</b> come from the penalty method: after each search the cost of the edges the
 * found path uses is multiplied by 1.5 and the search runs again (up to 4 × K times); the distinct
 * paths found are ranked by their true cost, and an alternative is kept only when it shares at most
 * {@value #MAX_SHARE} of its street length with every better-ranked route (the site connection, which
 * all share, is not counted).
 *
 * <p><b>Thread rules:</b> {@link #load} blocks its caller on the store (never on the JavaFX thread).
 * The planner is immutable afterwards and never touches the store again: {@link #plan} and
 * {@link #planAll} may run on any thread, several at once (each search takes its own working
 * arrays from a pool); the monitor of {@link #planAll} is called from worker threads.
 */
public final class RoutePlanner {
    /** An alternative may share at most this share of its street length with a better-ranked route. */
    public static final double MAX_SHARE = 0.7;
    /** The factor on the edges of each path found, for the next search for alternatives. */
    static final double PENALTY = 1.5;
    private static final double READ = 0.3;

    private final String source;
    private final CoordinationParameters params;
    private final CostModel costs;
    private final int srsId;
    private final StreetGraph graph;
    private final List<NetworkNode> nodes;
    private final Map<String, Site> sites;
    private final boolean sitesLayer;
    private final boolean[] connectionPoint;
    private final Map<Integer, NetworkNode> nodeAt = new HashMap<>();
    private final ConcurrentLinkedQueue<PathSearch> searches = new ConcurrentLinkedQueue<>();

    /** A commercial plot: its number, name and area. */
    private record Site(String siteNo, String name, Geometry plot) {
    }

    /** Where a route starts on the graph, with its connection to the plot (null for a point). */
    private record Start(StreetGraph.Snap snap, RouteAssembly.Connection connection, String ref) {
    }

    /** Where a route ends: a place on an edge (a point), one junction (a named node) or any connection point. */
    private record Goal(StreetGraph.Snap snap, NetworkNode node, String ref) {
    }

    private RoutePlanner(String source, CoordinationParameters params, CostModel costs, int srsId,
            StreetGraphBuilder.Result built, List<NetworkNode> nodes, Map<String, Site> sites, boolean sitesLayer) {
        this.source = source;
        this.params = params;
        this.costs = costs;
        this.srsId = srsId;
        this.graph = built.graph();
        this.nodes = nodes;
        this.sites = sites;
        this.sitesLayer = sitesLayer;
        this.connectionPoint = new boolean[graph.nodeCount()];
        for (NetworkNode n : nodes) {
            if (n.isConnectionPoint()) {
                connectionPoint[n.graphNode()] = true;
                nodeAt.merge(n.graphNode(), n, (a, b) -> a.fid() <= b.fid() ? a : b);
            }
        }
    }

    /**
     * Reads what the planner needs from a store and builds the street graph. {@code source} names the
     * data in messages (usually the file name). Needs {@code streets} ({@code name}, {@code class},
     * {@code surface_renewed}); uses, when present, {@code conduits}, {@code construction_sites},
     * {@code network_nodes} ({@code kind}, {@code name}) and {@code commercial_sites} ({@code site_no},
     * {@code name}).
     *
     * @throws RoutingException                                   when the streets layer or a needed field is missing
     * @throws de.trassenwerk.coordination.CoordinationException when a date is not a date or the layers are not
     *                                                            in one projected coordinate system
     * @throws CancellationException                              when the monitor asks to stop
     */
    public static RoutePlanner load(FeatureStore store, String source, CoordinationParameters params, CostModel costs,
            AnalysisMonitor monitor) {
        monitor.progress(0);
        DigConditions ground;
        try {
            ground = DigConditions.read(store, params, source, "routing.error.missing");
        } catch (de.trassenwerk.coordination.CoordinationException e) {
            if (e.key().equals("routing.error.missing")) {
                throw new RoutingException(e.key(), e.args());
            }
            throw e;
        }
        Map<String, LayerSchema> present = new HashMap<>();
        for (LayerInfo l : store.layers()) {
            present.put(l.name().toLowerCase(Locale.ROOT), l.schema());
        }
        List<Feature> nodeFeatures = read(store, present.get(ThemeLayers.NETWORK_NODES), List.of("kind", "name"), source);
        List<Feature> siteFeatures = read(store, present.get(ThemeLayers.COMMERCIAL_SITES), List.of("site_no", "name"),
                source);
        if (monitor.isCancelled()) {
            throw new CancellationException("route planning cancelled");
        }
        monitor.progress(READ);
        List<Feature> points = new ArrayList<>();
        List<Coordinate> anchors = new ArrayList<>();
        for (Feature f : nodeFeatures) {
            if (f.geometry() instanceof Point p && !p.isEmpty()) {
                points.add(f);
                anchors.add(p.getCoordinate());
            }
        }
        StreetGraphBuilder.Result built = StreetGraphBuilder.build(ground, costs, anchors, monitor, READ, 1);
        List<NetworkNode> nodes = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Feature f = points.get(i);
            nodes.add(new NetworkNode(f.fid(), f.getString("kind"), f.getString("name"), anchors.get(i),
                    built.anchorNode()[i], built.anchorSnapM()[i]));
        }
        Map<String, Site> sites = new LinkedHashMap<>();
        for (Feature f : siteFeatures) {
            String no = f.getString("site_no");
            if (no != null && f.geometry() instanceof Polygonal && !f.geometry().isEmpty()) {
                sites.putIfAbsent(no.trim(), new Site(no.trim(), f.getString("name"), f.geometry()));
            }
        }
        monitor.progress(1);
        return new RoutePlanner(source, params, costs, ground.srsId(), built, List.copyOf(nodes), sites,
                present.containsKey(ThemeLayers.COMMERCIAL_SITES));
    }

    private static List<Feature> read(FeatureStore store, LayerSchema layer, List<String> fields, String source) {
        if (layer == null || !layer.hasGeometry()) {
            return List.of();
        }
        List<String> missing = fields.stream().filter(f -> layer.field(f).isEmpty())
                .map(f -> layer.name() + "." + f).toList();
        if (!missing.isEmpty()) {
            throw new RoutingException("routing.error.missing", source, String.join("; ", missing));
        }
        return store.read(layer.name(), Query.ALL.withFields(fields, true).orderedBy("fid", true));
    }

    /** The street graph (for its size, its parts and drawing). */
    public StreetGraph graph() {
        return graph;
    }

    /** The network nodes of the file, with where they join the graph. */
    public List<NetworkNode> networkNodes() {
        return nodes;
    }

    /** The site numbers of the file's commercial sites, in fid order. */
    public List<String> siteNumbers() {
        return List.copyOf(sites.keySet());
    }

    /** The plot of a commercial site, if the file has one with this number. */
    public Optional<Geometry> sitePlot(String siteNo) {
        Site s = sites.get(siteNo == null ? null : siteNo.trim());
        return s == null ? Optional.empty() : Optional.of(s.plot());
    }

    public CoordinationParameters parameters() {
        return params;
    }

    public CostModel costs() {
        return costs;
    }

    /** The spatial reference id of the data and of every route's geometry (EPSG:25832 in our files). */
    public int srsId() {
        return srsId;
    }

    /**
     * The best route of a request and up to {@code routes − 1} alternatives, best first (rank 1, 2, ...).
     *
     * @throws RoutingException when the site or node does not exist, the target lies in another part of
     *                          the network ({@code routing.error.disconnected},
     *                          {@code routing.error.noNodeReachable}), or can only be reached through
     *                          streets under moratorium ({@code routing.error.moratoriumOnly})
     */
    public List<Route> plan(RouteRequest request) {
        Start start = start(request.from());
        Goal goal = goal(request.to());
        PathSearch search = borrow();
        try {
            List<Path> paths = paths(search, start, goal, request.routes(), request.allowMoratorium());
            List<Route> out = new ArrayList<>();
            for (Path p : paths) {
                NetworkNode node = goal.node() != null ? goal.node() : nodeAt.get(p.reached());
                String toRef = goal.snap() != null ? goal.ref() : node.name();
                out.add(RouteAssembly.assemble(graph, out.size() + 1, p, start.connection(), start.ref(), toRef,
                        goal.snap() != null ? null : node));
            }
            return out;
        } finally {
            searches.add(search);
        }
    }

    /**
     * "Plan all gaps": the best route from each origin (usually under-served commercial sites) to its
     * cheapest PoP or cabinet, spread over the common fork-join pool; sites without a route are listed
     * with the reason. The network totals count a stretch that several routes use once.
     *
     * @throws CancellationException when the monitor asks to stop
     */
    public GapPlan planAll(List<Origin> origins, boolean allowMoratorium, AnalysisMonitor monitor) {
        monitor.progress(0);
        int n = origins.size();
        Object[] results = new Object[n];
        Path[] paths = new Path[n];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, n).parallel().forEach(i -> {
            if (monitor.isCancelled()) {
                throw new CancellationException("route planning cancelled");
            }
            Origin o = origins.get(i);
            try {
                Start start = start(o);
                Goal goal = goal(Destination.nearestNode());
                PathSearch search = borrow();
                try {
                    Path p = paths(search, start, goal, 1, allowMoratorium).get(0);
                    NetworkNode node = nodeAt.get(p.reached());
                    results[i] = RouteAssembly.assemble(graph, 1, p, start.connection(), start.ref(), node.name(), node);
                    paths[i] = p;
                } finally {
                    searches.add(search);
                }
            } catch (RoutingException e) {
                results[i] = e;
            }
            monitor.progress((double) done.incrementAndGet() / n);
        });
        List<GapPlan.SiteRoute> routes = new ArrayList<>();
        List<GapPlan.Failure> failures = new ArrayList<>();
        List<Path> found = new ArrayList<>();
        Map<String, CostShare> sum = new LinkedHashMap<>();
        Map<String, CostShare> connections = new LinkedHashMap<>();
        for (String cls : RouteAssembly.order(graph)) {
            sum.put(cls, new CostShare(0, 0));
            connections.put(cls, new CostShare(0, 0));
        }
        for (int i = 0; i < n; i++) {
            if (results[i] instanceof Route r) {
                routes.add(new GapPlan.SiteRoute(origins.get(i), r));
                found.add(paths[i]);
                r.breakdown().forEach((k, v) -> sum.merge(k, v, CostShare::plus));
                CostShare c = r.breakdown().get(CostClasses.SITE_CONNECTION);
                if (c != null) {
                    connections.merge(CostClasses.SITE_CONNECTION, c, CostShare::plus);
                }
            } else {
                failures.add(new GapPlan.Failure(origins.get(i), (RoutingException) results[i]));
            }
        }
        Map<String, CostShare> network = SharedStretches.union(graph, found, connections);
        monitor.progress(1);
        return new GapPlan(routes, failures, totals(sum), totals(network));
    }

    private static GapPlan.Totals totals(Map<String, CostShare> breakdown) {
        breakdown.values().removeIf(s -> s.m() <= 0);
        double m = 0;
        double eur = 0;
        for (CostShare s : breakdown.values()) {
            m += s.m();
            eur += s.eur();
        }
        return new GapPlan.Totals(m, eur, breakdown);
    }

    /** Whether a junction holds a PoP or cabinet (a target of "the nearest node"). */
    boolean isConnectionPoint(int node) {
        return node < connectionPoint.length && connectionPoint[node];
    }

    // ------------------------------------------------------------------ searching

    private PathSearch borrow() {
        PathSearch s = searches.poll();
        return s != null ? s : new PathSearch(graph);
    }

    /** The best path and the alternatives kept, best first; explains by an exception when there is none. */
    private List<Path> paths(PathSearch search, Start start, Goal goal, int k, boolean allowMoratorium) {
        search.clear();
        int source = search.place(start.snap().edge(), start.snap().pos());
        int target = -1;
        if (goal.snap() != null) {
            target = search.place(goal.snap().edge(), goal.snap().pos());
        } else if (goal.node() != null) {
            target = goal.node().graphNode();
        }
        search.join();
        int fixed = target;
        IntPredicate isTarget = fixed >= 0 ? v -> v == fixed : this::isConnectionPoint;
        Path best = search.search(source, isTarget, allowMoratorium);
        if (best == null) {
            throw explain(search, start, goal, source, fixed, isTarget, allowMoratorium);
        }
        List<Path> found = new ArrayList<>(List.of(best));
        if (k == 1) {
            return found;
        }
        int reached = best.reached();
        IntPredicate same = v -> v == reached;
        List<Path> kept = found;
        Path last = best;
        for (int round = 0; round < 4 * k && kept.size() < k; round++) {
            search.penalise(last, PENALTY);
            last = search.search(source, same, allowMoratorium);
            if (last == null) {
                break;
            }
            Path candidate = last;
            if (found.stream().noneMatch(candidate::sameAs)) {
                found.add(candidate);
                kept = keep(found, k);
            }
        }
        return kept;
    }

    /** The paths by true cost, each kept when it shares at most {@link #MAX_SHARE} of its length with every kept one. */
    static List<Path> keep(List<Path> found, int k) {
        List<Path> byCost = new ArrayList<>(found);
        byCost.sort(Comparator.comparingDouble(Path::cost));
        List<Path> kept = new ArrayList<>();
        for (Path p : byCost) {
            double len = p.lengthM();
            if (kept.stream().allMatch(q -> p.sharedWith(q) <= MAX_SHARE * len + 1e-9)) {
                kept.add(p);
                if (kept.size() == k) {
                    break;
                }
            }
        }
        return kept;
    }

    /** Why no path was found: only through a moratorium, or another part of the network. */
    private RoutingException explain(PathSearch search, Start start, Goal goal, int source, int target,
            IntPredicate isTarget, boolean allowMoratorium) {
        String toRef = goal.ref();
        Path through = allowMoratorium ? null : search.search(source, isTarget, true);
        if (through != null) {
            String streets = closedStreets(through);
            return target < 0 && goal.snap() == null
                    ? new RoutingException("routing.error.moratoriumOnlyNearest", start.ref(), params.moratoriumYears(),
                            format(costs.moratoriumFactor()), streets)
                    : new RoutingException("routing.error.moratoriumOnly", start.ref(), toRef, params.moratoriumYears(),
                            format(costs.moratoriumFactor()), streets);
        }
        int fromPart = graph.partOf(graph.edgeA[start.snap().edge()]);
        if (target < 0 && goal.snap() == null) {
            return new RoutingException("routing.error.noNodeReachable", start.ref(), graph.partNodes[fromPart],
                    graph.partCount());
        }
        int toPart = goal.snap() != null ? graph.partOf(graph.edgeA[goal.snap().edge()]) : graph.partOf(target);
        return new RoutingException("routing.error.disconnected", start.ref(), toRef, graph.partNodes[fromPart],
                graph.partNodes[toPart], graph.partCount());
    }

    /** The streets under moratorium that a path digs, as "name (resurfaced date)", the first three. */
    private String closedStreets(Path path) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (Leg leg : path.legs()) {
            for (RouteAssembly.Piece piece : RouteAssembly.pieces(graph, leg)) {
                if (graph.classNames[piece.costClass()].equals(CostClasses.MORATORIUM_TRENCH)) {
                    DigConditions.Street s = graph.street(leg.edge());
                    names.add((s.name() == null ? "fid " + s.fid() : s.name()) + " (" + s.renewed() + ")");
                }
            }
        }
        return names.stream().limit(3).collect(java.util.stream.Collectors.joining(", "))
                + (names.size() > 3 ? ", …" : "");
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private Start start(Origin origin) {
        if (origin instanceof Origin.Site s) {
            if (!sitesLayer) {
                throw new RoutingException("routing.error.noSites", source);
            }
            Site site = sites.get(s.siteNo().trim());
            if (site == null) {
                throw new RoutingException("routing.error.unknownSite", source, s.siteNo());
            }
            StreetGraph.Snap snap = snapOrFail(graph.nearest(site.plot()));
            RouteAssembly.Connection connection = null;
            if (snap.distance() > 0) {
                connection = new RouteAssembly.Connection(StreetGraph.GF.createLineString(new Coordinate[] {
                    snap.onTarget(), snap.onStreet()}), costs.trenchRate(graph.street(snap.edge()).streetClass()));
            }
            return new Start(snap, connection, site.siteNo());
        }
        Origin.Point p = (Origin.Point) origin;
        return new Start(snapOrFail(graph.nearest(p.at())), null, p.ref());
    }

    private Goal goal(Destination destination) {
        if (destination instanceof Destination.Point p) {
            return new Goal(snapOrFail(graph.nearest(p.at())), null, p.describe());
        }
        if (destination instanceof Destination.Node named) {
            NetworkNode node = nodes.stream().filter(n -> named.name().equals(n.name())).findFirst()
                    .or(() -> nodes.stream().filter(n -> named.name().trim().equalsIgnoreCase(
                            n.name() == null ? "" : n.name().trim())).findFirst())
                    .orElseThrow(() -> new RoutingException("routing.error.unknownNode", source, named.name()));
            if (node.graphNode() < 0) {
                throw new RoutingException("routing.error.nodeOffNetwork", node.name(),
                        format(StreetGraph.MAX_NODE_SNAP_M));
            }
            return new Goal(null, node, node.name());
        }
        if (nodeAt.isEmpty()) {
            throw new RoutingException("routing.error.noConnectionPoints", source);
        }
        return new Goal(null, null, destination.describe());
    }

    private StreetGraph.Snap snapOrFail(StreetGraph.Snap snap) {
        if (snap == null) {
            throw new RoutingException("routing.error.noStreets", source);
        }
        return snap;
    }
}
