package de.trassenwerk.cli;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.coordination.CoordinationParameters;
import de.trassenwerk.coordination.CostModel;
import de.trassenwerk.coverage.CoverageGaps;
import de.trassenwerk.coverage.GapParameters;
import de.trassenwerk.coverage.SiteGap;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.routing.CostShare;
import de.trassenwerk.routing.Destination;
import de.trassenwerk.routing.GapPlan;
import de.trassenwerk.routing.Origin;
import de.trassenwerk.routing.PlannedRoutesLayer;
import de.trassenwerk.routing.RoundedCosts;
import de.trassenwerk.routing.Route;
import de.trassenwerk.routing.RoutePlanner;
import de.trassenwerk.routing.RouteRequest;
import de.trassenwerk.routing.RoutesGeoJson;
import de.trassenwerk.routing.StreetGraph;
import de.trassenwerk.store.AtomicFiles;
import de.trassenwerk.store.GeoPackageStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code route GPKG (--from-site S | --from X,Y) (--to-node NAME | --to X,Y | --to-nearest-node) [...]}:
 * the least-cost fibre route and its alternatives, priced by the coordination cost model, with a
 * readable summary on standard output, optionally as GeoJSON ({@code --out}) and saved as a draft
 * planned route ({@code --save}). Exit 0 when routes were found, 2 when the input is unusable, the
 * command misused, or no route can be planned (another part of the network, only through a
 * moratorium), with the reason on standard error.
 *
 * <p>{@code route GPKG --all-gaps [--threshold-mbps N]}: a route from every commercial site the coverage
 * analysis finds under-served to its cheapest PoP or cabinet, with the totals of the sum and of the
 * network (shared stretches once). Exit 0 when the planning ran, also when some sites have no route
 * (they are listed).
 */
@Command(name = "route", mixinStandardHelpOptions = true,
        description = "Plan the cheapest fibre route from a commercial site or a point to a network node or a point, "
                + "reusing free ducts and joinable open trenches and avoiding streets under a digging moratorium.")
final class RouteCommand implements Callable<Integer> {
    @Parameters(paramLabel = "GPKG", description = "The GeoPackage with streets (and conduits, construction_sites, "
            + "network_nodes, commercial_sites). Opened read-only unless --save.")
    Path file;

    @Mixin
    PlanningOptions planning;

    @Option(names = "--from-site", paramLabel = "SITE_NO", description = "Start at this commercial site (site_no).")
    String fromSite;

    @Option(names = "--from", paramLabel = "X,Y", description = "Start at this point (EPSG:25832).")
    String from;

    @Option(names = "--to-node", paramLabel = "NAME", description = "End at the network node with this name.")
    String toNode;

    @Option(names = "--to", paramLabel = "X,Y", description = "End at this point (EPSG:25832).")
    String to;

    @Option(names = "--to-nearest-node", description = "End at the PoP or cabinet that is cheapest to reach.")
    boolean toNearestNode;

    @Option(names = "--alternatives", paramLabel = "K", defaultValue = "1",
            description = "Routes to find: the best and up to K-1 alternatives, each sharing at most 70 %% of its "
                    + "length with a better one (default: ${DEFAULT-VALUE}).")
    int alternatives;

    @Option(names = "--allow-moratorium", description = "Allow digging streets under moratorium (at the cost file's "
            + "moratorium_factor times the trench cost; the route is flagged).")
    boolean allowMoratorium;

    @Option(names = "--out", paramLabel = "FILE.geojson", description = "Write the routes as GeoJSON (WGS84) to this file.")
    Path out;

    @Option(names = "--save", description = "Save the best route as a draft in the file's planned_routes layer.")
    boolean save;

    @Option(names = "--all-gaps", description = "Plan a route from every under-served commercial site (coverage "
            + "gaps) to its cheapest PoP or cabinet; totals count a stretch shared by several routes once.")
    boolean allGaps;

    @Option(names = "--threshold-mbps", paramLabel = "N", defaultValue = "1000",
            description = "With --all-gaps: a site whose best speed is below this is under-served (default: ${DEFAULT-VALUE}).")
    int thresholdMbps;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        checkOut();
        if (allGaps) {
            return allGaps();
        }
        Origin origin = origin();
        Destination destination = destination();
        RouteRequest request = new RouteRequest(origin, destination, alternatives, allowMoratorium);
        CostModel model = planning.costModel();
        PrintWriter stdout = spec.commandLine().getOut();
        try (GeoPackageStore store = GeoPackageStore.open(file,
                save ? GeoPackageStore.Mode.READ_WRITE : GeoPackageStore.Mode.READ_ONLY)) {
            RoutePlanner planner = load(store, model, stdout);
            List<Route> routes = planner.plan(request);
            printRoutes(routes, stdout);
            if (routes.size() < alternatives) {
                stdout.println(Messages.get("routing.cli.fewer", routes.size(), alternatives));
            }
            if (out != null) {
                write(out, o -> new RoutesGeoJson(planner.srsId()).write(routes, o));
                stdout.println(Messages.get("routing.cli.wrote", out));
            }
            if (save) {
                long fid = PlannedRoutesLayer.saveDraft(store, routes.get(0), planner.srsId());
                stdout.println(Messages.get("routing.cli.saved", PlannedRoutesLayer.LAYER, Long.toString(fid)));
            }
        }
        return ExitCodes.OK;
    }

    private int allGaps() throws IOException {
        if (fromSite != null || from != null || toNode != null || to != null || toNearestNode || alternatives != 1
                || save) {
            throw new UserFacingException("routing.cli.error.allGaps", null);
        }
        GapParameters gapParams = new GapParameters(thresholdMbps);
        CostModel model = planning.costModel();
        PrintWriter stdout = spec.commandLine().getOut();
        try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            RoutePlanner planner = load(store, model, stdout);
            List<Origin> origins = CoverageGaps.analyse(store, file.getFileName().toString(), gapParams,
                    AnalysisMonitor.NONE).underserved().stream().map(SiteGap::siteNo)
                    .filter(no -> no != null && !no.isBlank()).map(Origin::site).toList();
            GapPlan plan = planner.planAll(origins, allowMoratorium, AnalysisMonitor.NONE);
            printGaps(origins.size(), plan, stdout);
            if (out != null) {
                write(out, o -> new RoutesGeoJson(planner.srsId()).write(plan, o));
                stdout.println(Messages.get("routing.cli.wrote", out));
            }
        }
        return ExitCodes.OK;
    }

    static void printGaps(int sites, GapPlan plan, PrintWriter o) {
        o.println(Messages.get("routing.cli.gaps", Integer.toString(sites), Integer.toString(plan.routes().size()),
                Integer.toString(plan.failures().size())));
        RoundedCosts sum = RoundedCosts.of(plan.sum().breakdown());
        RoundedCosts network = RoundedCosts.of(plan.network().breakdown());
        o.println(Messages.get("routing.cli.gapsSum", metres(sum.lengthM()), Long.toString(sum.costEur())));
        o.println(Messages.get("routing.cli.gapsNetwork", metres(network.lengthM()), Long.toString(network.costEur()),
                metres(sum.lengthM() - network.lengthM()), Long.toString(sum.costEur() - network.costEur())));
        for (Map.Entry<String, RoundedCosts.Part> e : network.parts().entrySet()) {
            o.println(Messages.get("routing.cli.class", e.getKey(), metres(e.getValue().m()),
                    Long.toString(e.getValue().eur())));
        }
        for (GapPlan.Failure f : plan.failures()) {
            o.println(Messages.get("routing.cli.gapFailure", f.origin().ref(), f.reason().localizedMessage()));
        }
    }

    /** Reads the file and builds the graph with the command's parameters; prints the graph's summary. */
    RoutePlanner load(GeoPackageStore store, CostModel model, PrintWriter stdout) {
        CoordinationParameters params = planning.parameters(store);
        long t0 = System.nanoTime();
        RoutePlanner planner = RoutePlanner.load(store, file.getFileName().toString(), params, model,
                AnalysisMonitor.NONE);
        printGraph(planner.graph(), (System.nanoTime() - t0) / 1_000_000, stdout);
        return planner;
    }

    private void checkOut() {
        if (out != null) {
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".geojson") && !name.endsWith(".json")) {
                throw new UserFacingException("routing.cli.error.out", null, out);
            }
        }
    }

    private Origin origin() {
        if ((fromSite == null) == (from == null)) {
            throw new UserFacingException("routing.cli.error.fromTo", null);
        }
        if (fromSite != null) {
            return Origin.site(fromSite);
        }
        double[] xy = xy("--from", from);
        return Origin.point(xy[0], xy[1]);
    }

    private Destination destination() {
        int given = (toNode != null ? 1 : 0) + (to != null ? 1 : 0) + (toNearestNode ? 1 : 0);
        if (given != 1) {
            throw new UserFacingException("routing.cli.error.fromTo", null);
        }
        if (toNode != null) {
            return Destination.node(toNode);
        }
        if (to != null) {
            double[] xy = xy("--to", to);
            return Destination.point(xy[0], xy[1]);
        }
        return Destination.nearestNode();
    }

    /** A position {@code X,Y} of an option. */
    static double[] xy(String option, String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length == 2) {
                double x = Double.parseDouble(parts[0].trim());
                double y = Double.parseDouble(parts[1].trim());
                if (Double.isFinite(x) && Double.isFinite(y)) {
                    return new double[] {x, y};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserFacingException("routing.cli.error.xy", null, option, text);
    }

    static void printGraph(StreetGraph g, long ms, PrintWriter o) {
        String parts = "";
        if (g.partCount() > 1) {
            int[] sizes = g.partSizes();
            String others = Arrays.stream(sizes, 1, Math.min(sizes.length, 11)).mapToObj(Integer::toString)
                    .collect(Collectors.joining(", ")) + (sizes.length > 11 ? ", …" : "");
            parts = Messages.get("routing.cli.graphParts", Integer.toString(sizes[0]), others);
        }
        o.println(Messages.get("routing.cli.graph", Integer.toString(g.nodeCount()), Integer.toString(g.edgeCount()),
                String.format(Locale.ROOT, "%.1f", g.lengthM() / 1000), Integer.toString(g.partCount()), parts,
                Long.toString(ms)));
    }

    static void printRoutes(List<Route> routes, PrintWriter o) {
        for (Route r : routes) {
            RoundedCosts rounded = RoundedCosts.of(r.breakdown());
            o.println(Messages.get("routing.cli.route", r.rank(), r.fromRef(), r.toRef(), metres(rounded.lengthM()),
                    Long.toString(rounded.costEur())));
            for (Map.Entry<String, RoundedCosts.Part> e : rounded.parts().entrySet()) {
                o.println(Messages.get("routing.cli.class", e.getKey(), metres(e.getValue().m()),
                        Long.toString(e.getValue().eur())));
            }
            CostShare closed = r.breakdown().get(de.trassenwerk.routing.CostClasses.MORATORIUM_TRENCH);
            if (r.moratorium() && closed != null) {
                o.println(Messages.get("routing.cli.routeMoratorium", metres(closed.m())));
            }
        }
    }

    static String metres(double m) {
        return String.format(Locale.ROOT, "%.1f", m);
    }

    /** Something that writes a file's content. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream o) throws IOException;
    }

    static void write(Path target, Content content) throws IOException {
        AtomicFiles.write(target, tmp -> {
            try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                content.writeTo(o);
            }
        });
    }
}
