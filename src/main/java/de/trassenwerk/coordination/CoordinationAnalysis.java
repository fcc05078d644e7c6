package de.trassenwerk.coordination;

import de.trassenwerk.store.FeatureStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One coordination run over a store: reads the planned routes, construction sites, streets, free
 * ducts and districts once, indexes them (JTS packed R-trees) and finds every
 * co-laying chance, moratorium clash and double dig (see the finder classes for the rules).
 *
 * <p>Thread rules: {@link #run} blocks its caller; it reads the store on the calling thread and one
 * helper thread ({@link CoordinationInput}), then spreads the geometric work over the common fork-join
 * pool. The monitor is called from those worker threads. Never call it on the JavaFX thread.
 */
public final class CoordinationAnalysis {
    /** Shares of the progress bar: reading, routes, works, streets. */
    private static final double READ = 0.15;
    private static final double ROUTES = 0.45;
    private static final double SITES = 0.7;

    private CoordinationAnalysis() {
    }

    /**
     * Runs the analysis. {@code source} names the data in messages (usually the file name).
     *
     * @throws CoordinationException when the store lacks layers or fields the analysis needs
     * @throws CancellationException when the monitor asked to stop
     */
    public static CoordinationResult run(FeatureStore store, String source, CoordinationParameters params,
            CostModel costs, AnalysisMonitor monitor) {
        monitor.progress(0);
        CoordinationInput input = CoordinationInput.read(store, params.today(), source);
        checkCancel(monitor);
        monitor.progress(READ);
        monitor.stepDone("read");

        StreetIndex streets = new StreetIndex(input.streets);
        DistrictLocator districts = new DistrictLocator(input.districts);
        FreeDucts ducts = new FreeDucts(input.freeDucts);
        CoLayingFinder coLaying = new CoLayingFinder(params, costs, input.sites, streets, districts);
        MoratoriumClashFinder clashes = new MoratoriumClashFinder(params, streets, districts);
        DoubleDigFinder doubleDigs = new DoubleDigFinder(params, input.sites, streets, districts);
        monitor.stepDone("prepare");

        List<Finding> findings = new ArrayList<>();
        for (List<Finding> perRoute : parallel(input.routes.size(), i -> {
            PlannedRoute route = input.routes.get(i);
            Trench trench = ducts.trench(route.line());
            int[] nearStreets = streets.nearLine(route.line(), params.bufferM());
            List<Finding> found = new ArrayList<>(coLaying.find(route, trench, nearStreets));
            found.addAll(clashes.routeClashes(route, trench, nearStreets));
            return found;
        }, READ, ROUTES, monitor)) {
            findings.addAll(perRoute);
        }
        monitor.stepDone("routes");
        for (List<Finding> perSite : parallel(input.sites.size(),
                i -> clashes.siteClashes(input.sites.get(i)), ROUTES, SITES, monitor)) {
            findings.addAll(perSite);
        }
        monitor.stepDone("works");
        List<DoubleDigFinder.Overlap> overlaps = new ArrayList<>();
        for (List<DoubleDigFinder.Overlap> perStreet : parallel(input.streets.size(), doubleDigs::overlaps, SITES, 1,
                monitor)) {
            overlaps.addAll(perStreet);
        }
        findings.addAll(doubleDigs.findings(overlaps));
        checkCancel(monitor);
        monitor.stepDone("double_digs");
        Finding[] ordered = findings.toArray(new Finding[0]);
        Arrays.parallelSort(ordered, ORDER);
        monitor.stepDone("order");
        monitor.progress(1);
        return new CoordinationResult(params, costs, Arrays.asList(ordered), input.srsId);
    }

    /** Findings by kind, then route, site, other site and street fid (absent fids last). */
    static final Comparator<Finding> ORDER = (a, b) -> {
        int c = a.kind().compareTo(b.kind());
        if (c == 0) {
            c = compareNullsLast(a.routeFid(), b.routeFid());
        }
        if (c == 0) {
            c = compareNullsLast(a.siteFid(), b.siteFid());
        }
        if (c == 0) {
            c = compareNullsLast(a.otherSiteFid(), b.otherSiteFid());
        }
        return c != 0 ? c : compareNullsLast(a.streetFid(), b.streetFid());
    };

    private static int compareNullsLast(Long x, Long y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : 1) : -1;
        }
        return Long.compare(x, y);
    }

    /** Runs {@code work} for 0..n-1 on the fork-join pool; results in index order. */
    private static <T> List<List<T>> parallel(int n, IntFunction<List<T>> work, double from, double to,
            AnalysisMonitor monitor) {
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, n / 200);
        return IntStream.range(0, n).parallel().mapToObj(i -> {
            checkCancel(monitor);
            List<T> out = work.apply(i);
            int d = done.incrementAndGet();
            if (d % step == 0) {
                monitor.progress(from + (to - from) * d / n);
            }
            return out;
        }).collect(Collectors.toList());
    }

    private static void checkCancel(AnalysisMonitor monitor) {
        if (monitor.isCancelled()) {
            throw new CancellationException("coordination cancelled");
        }
    }
}
