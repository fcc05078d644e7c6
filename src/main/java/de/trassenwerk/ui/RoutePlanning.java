package de.trassenwerk.ui;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.coordination.CoordinationParameters;
import de.trassenwerk.coordination.CostModel;
import de.trassenwerk.coverage.CoverageGaps;
import de.trassenwerk.coverage.GapParameters;
import de.trassenwerk.coverage.SiteGap;
import de.trassenwerk.routing.GapPlan;
import de.trassenwerk.routing.Origin;
import de.trassenwerk.routing.PlannedRoutesLayer;
import de.trassenwerk.routing.Route;
import de.trassenwerk.routing.RoutePlanner;
import de.trassenwerk.routing.RouteRequest;
import de.trassenwerk.store.GeoPackageStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The route planner panel's access to its GeoPackage. The {@link RoutePlanner} (reading the layers and
 * building the street graph, the expensive part) is made once and kept while the settings it was built
 * with stay the same; planning routes then needs no file at all. The file is opened read-only to build
 * the planner (and to find the under-served sites when no gap analysis was handed in), and read-write
 * only for the moment of saving a route, in one transaction.
 *
 * <p>Thread rules: every method may block on the file or on a graph build; call them from workers, never
 * from the JavaFX thread. Getting the planner is synchronized, so two workers never build two planners at
 * once; the planner handed out is immutable and may be used on any thread.
 */
final class RoutePlanning {
    private final Path file;
    private RoutePlanner planner;
    private LocalDate fileToday;

    RoutePlanning(Path file) {
        this.file = Objects.requireNonNull(file);
    }

    /**
     * What a planner is built with: the coordination parameters ({@code today} null: the file's reference
     * date, else the current date) and the cost file (null: the documented defaults).
     */
    record Settings(LocalDate today, double bufferM, int leadWeeks, int horizonMonths, int moratoriumYears,
            Path costs) {
    }

    /** The routes of one request, and the planner that found them. */
    record Planned(RoutePlanner planner, List<Route> routes) {
    }

    /** "Plan all gaps": the plan, the sites it started from, and the planner. */
    record AllGaps(RoutePlanner planner, GapPlan plan, List<SiteGap> sites) {
    }

    /**
     * The planner for {@code settings}: the one built before when its settings are the same, else a new
     * one (progress from 0 to 1 on {@code monitor}).
     */
    synchronized RoutePlanner planner(Settings settings, AnalysisMonitor monitor) {
        CostModel costs = settings.costs() == null ? CostModel.DEFAULT : CostModel.load(settings.costs());
        if (planner != null && fileToday != null && fits(planner, parameters(settings, fileToday), costs)) {
            monitor.progress(1);
            return planner;
        }
        try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            if (fileToday == null) {
                fileToday = CoordinationParameters.defaultToday(store.metadata(), LocalDate.now());
            }
            CoordinationParameters params = parameters(settings, fileToday);
            if (planner == null || !fits(planner, params, costs)) {
                planner = null; // the old graph may go before the new one is built
                planner = RoutePlanner.load(store, file.getFileName().toString(), params, costs, monitor);
            }
            return planner;
        }
    }

    private static boolean fits(RoutePlanner p, CoordinationParameters params, CostModel costs) {
        return p.parameters().equals(params) && p.costs().equals(costs);
    }

    private static CoordinationParameters parameters(Settings s, LocalDate fileToday) {
        return CoordinationParameters.defaults(s.today() != null ? s.today() : fileToday).withBufferM(s.bufferM())
                .withLeadWeeks(s.leadWeeks()).withHorizonMonths(s.horizonMonths())
                .withMoratoriumYears(s.moratoriumYears());
    }

    /** The best route and alternatives of {@code request}, with the planner for {@code settings}. */
    Planned plan(Settings settings, RouteRequest request, AnalysisMonitor monitor) {
        RoutePlanner p = planner(settings, monitor);
        return new Planned(p, p.plan(request));
    }

    /**
     * Routes from every under-served site of {@code gaps} (null: a gap analysis with the default threshold
     * is run on the file first) to its cheapest PoP or cabinet.
     */
    AllGaps planAllGaps(Settings settings, boolean allowMoratorium, CoverageGaps.Result gaps,
            AnalysisMonitor monitor) {
        boolean analyse = gaps == null;
        double graphShare = 0.4;
        double gapShare = analyse ? 0.3 : 0;
        RoutePlanner p = planner(settings, part(monitor, 0, graphShare));
        CoverageGaps.Result found = gaps;
        if (analyse) {
            try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
                found = CoverageGaps.analyse(store, file.getFileName().toString(), GapParameters.DEFAULT,
                        part(monitor, graphShare, graphShare + gapShare));
            }
        }
        List<SiteGap> sites = found.underserved().stream().filter(s -> s.siteNo() != null && !s.siteNo().isBlank())
                .toList();
        List<Origin> origins = sites.stream().map(s -> Origin.site(s.siteNo())).toList();
        GapPlan plan = p.planAll(origins, allowMoratorium, part(monitor, graphShare + gapShare, 1));
        return new AllGaps(p, plan, sites);
    }

    /** Saves {@code route} as a draft into the file's planned routes (one transaction); returns its fid. */
    long saveDraft(Route route, int srsId) {
        try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_WRITE)) {
            return PlannedRoutesLayer.saveDraft(store, route, srsId);
        }
    }

    /** A monitor that reports {@code monitor}'s progress scaled into {@code from}..{@code to}. */
    static AnalysisMonitor part(AnalysisMonitor monitor, double from, double to) {
        return new AnalysisMonitor() {
            @Override
            public void progress(double fraction) {
                monitor.progress(from + (to - from) * fraction);
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }
        };
    }
}
