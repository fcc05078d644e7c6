package de.trassenwerk.cli;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.coordination.CoordinationParameters;
import de.trassenwerk.coordination.CostModel;
import de.trassenwerk.coverage.CoverageGaps;
import de.trassenwerk.coverage.GapParameters;
import de.trassenwerk.coverage.SiteGap;
import de.trassenwerk.routing.Origin;
import de.trassenwerk.routing.RoutePlanner;
import de.trassenwerk.routing.RoutingBenchmark;
import de.trassenwerk.routing.StreetGraph;
import de.trassenwerk.sample.SampleCityGenerator;
import de.trassenwerk.sample.SampleCityWriter;
import de.trassenwerk.store.GeoPackageStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench routing}: figures of the route planner, never a test. For the sample city and, when
 * given (or generated), the scale-50 city it prints {@code name=value} lines: the time to read the file
 * and build the street graph (cold, then once more warm; wall and CPU time of all threads, which tells
 * a busy machine from a slow build), the graph's size, the p50/p95 of whole route
 * requests from random commercial sites to the cheapest PoP or cabinet, the same searches alone on our
 * Dijkstra and on JGraphT, and the time of "plan all gaps" (the coverage analysis finding the
 * under-served sites, the routes, and both with the warm graph build).
 */
@Command(name = "routing", mixinStandardHelpOptions = true,
        description = "Route planner figures: graph build, route p50/p95 (site to cheapest node), our search "
                + "against JGraphT, plan all gaps; for the sample city and optionally the scale-50 city.")
final class RoutingBench implements Callable<Integer> {
    @Option(names = "--sample", paramLabel = "FILE",
            description = "The sample city (default: sample-gpkg/duisburg.gpkg if it exists, else one is generated).")
    Path sample;

    @Option(names = "--city50", paramLabel = "FILE", description = "A scale-50 city (`sample --scale 50`).")
    Path city50;

    @Option(names = "--generate", description = "Generate the scale-50 city into a temporary folder (about 30 s, 490 MB).")
    boolean generate;

    @Option(names = "--routes", defaultValue = "200", paramLabel = "N",
            description = "Random site-to-node routes to time (default: ${DEFAULT-VALUE}).")
    int routes;

    @Option(names = "--seed", defaultValue = "1929", paramLabel = "S", description = "Seed of the random sites (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "machine_cores=%d%njava=%s%nmax_heap_mb=%d%n", rt.availableProcessors(),
                System.getProperty("java.version"), rt.maxMemory() >> 20);
        out.flush();
        Path temp = Files.createTempDirectory("trassenwerk-bench");
        try {
            Path committed = Path.of("sample-gpkg", "duisburg.gpkg");
            Path sampleFile = sample != null ? sample : Files.isRegularFile(committed) ? committed : generated(temp, 1);
            measure("sample", sampleFile, out);
            Path big = city50 != null ? city50 : generate ? generated(temp, 50) : null;
            if (big != null) {
                measure("city50", big, out);
            }
        } finally {
            try (var paths = Files.walk(temp)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return ExitCodes.OK;
    }

    private static Path generated(Path dir, int scale) {
        Path file = dir.resolve("city" + scale + ".gpkg");
        SampleCityWriter.write(file, scale, SampleCityGenerator.DEFAULT_SEED, SampleCityGenerator.DEFAULT_REFERENCE_DATE,
                msg -> { });
        return file;
    }

    private void measure(String name, Path file, PrintWriter out) {
        try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            CoordinationParameters params = CoordinationParameters.defaults(
                    CoordinationParameters.defaultToday(store.metadata(), LocalDate.now()));
            long c0 = BenchCommand.Render.cpuNanos();
            long t0 = System.nanoTime();
            RoutePlanner.load(store, file.getFileName().toString(), params, CostModel.DEFAULT, AnalysisMonitor.NONE);
            long cold = (System.nanoTime() - t0) / 1_000_000;
            long coldCpu = (BenchCommand.Render.cpuNanos() - c0) / 1_000_000;
            c0 = BenchCommand.Render.cpuNanos();
            t0 = System.nanoTime();
            RoutePlanner planner = RoutePlanner.load(store, file.getFileName().toString(), params, CostModel.DEFAULT,
                    AnalysisMonitor.NONE);
            long warm = (System.nanoTime() - t0) / 1_000_000;
            long warmCpu = (BenchCommand.Render.cpuNanos() - c0) / 1_000_000;
            StreetGraph g = planner.graph();
            out.printf(Locale.ROOT, "%s_load_and_graph_ms=%d%n%s_load_and_graph_cpu_ms=%d%n%s_load_and_graph_warm_ms=%d%n"
                    + "%s_load_and_graph_warm_cpu_ms=%d%n", name, cold, name, coldCpu, name, warm, name, warmCpu);
            out.printf(Locale.ROOT, "%s_junctions=%d%n%s_edges=%d%n%s_parts=%d%n%s_t_junctions=%d%n%s_snapped=%d%n",
                    name, g.nodeCount(), name, g.edgeCount(), name, g.partCount(), name, g.tJunctions(), name,
                    g.snappedVertices());
            out.flush();
            print(name, RoutingBenchmark.measure(planner, routes, seed), out);
            t0 = System.nanoTime();
            List<Origin> gaps = CoverageGaps.analyse(store, file.getFileName().toString(), GapParameters.DEFAULT,
                    AnalysisMonitor.NONE).underserved().stream().map(SiteGap::siteNo)
                    .filter(no -> no != null && !no.isBlank()).map(Origin::site).toList();
            long coverage = (System.nanoTime() - t0) / 1_000_000;
            out.printf(Locale.ROOT, "%s_coverage_gaps_ms=%d%n", name, coverage);
            c0 = BenchCommand.Render.cpuNanos();
            Map<String, Number> all = RoutingBenchmark.allGaps(planner, gaps);
            print(name, all, out);
            out.printf(Locale.ROOT, "%s_all_gaps_cpu_ms=%d%n", name, (BenchCommand.Render.cpuNanos() - c0) / 1_000_000);
            out.printf(Locale.ROOT, "%s_all_gaps_with_graph_and_coverage_ms=%d%n", name,
                    warm + coverage + all.get("all_gaps_ms").longValue());
            out.flush();
        }
    }

    private static void print(String name, Map<String, Number> figures, PrintWriter out) {
        figures.forEach((k, v) -> out.printf(Locale.ROOT, "%s_%s=%s%n", name, k, v));
        out.flush();
    }
}
