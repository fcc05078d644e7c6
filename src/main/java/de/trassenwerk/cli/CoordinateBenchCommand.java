package de.trassenwerk.cli;

import de.trassenwerk.coordination.CoordinationParameters;
import de.trassenwerk.sample.CoordinationBenchmarkCity;
import de.trassenwerk.sample.SampleCityGenerator;
import de.trassenwerk.store.GeoPackageStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coordinate-bench --file F [--routes N] [--sites N] [--repeat K]} (hidden): the coordination
 * benchmark. Writes a synthetic city ({@link CoordinationBenchmarkCity}) unless the file exists, then,
 * in the same run, times the whole {@code coordinate} process as a user starts it ({@code java -jar
 * trassenwerk.jar coordinate FILE --out FILE.json}: a fresh JVM with default options unless
 * {@code --jvm-option} adds some) and GDAL/SpatiaLite SQL computing the route-by-buffered-work
 * overlaps through the R-tree ({@code ogrinfo -dialect SQLite}), alternately, and prints both wall
 * times, their ratio, the median ratio of all repeats and the commands. A
 * benchmark, not a test: it prints figures and asserts nothing.
 */
@Command(name = "coordinate-bench", hidden = true, mixinStandardHelpOptions = true,
        description = "Benchmark: time the coordinate command against GDAL/SpatiaLite SQL on a generated city.")
final class CoordinateBenchCommand implements Callable<Integer> {
    @Option(names = "--file", required = true, paramLabel = "GPKG", description = "The benchmark city (written when missing).")
    Path file;

    @Option(names = "--routes", defaultValue = "10000", description = "Planned routes to generate (default: ${DEFAULT-VALUE}).")
    int routes;

    @Option(names = "--sites", defaultValue = "100000", description = "Construction sites to generate (default: ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--repeat", defaultValue = "1", description = "Time each side this many times, alternating (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--jvm-option", paramLabel = "OPTION",
            description = "A JVM option for the timed coordinate process, e.g. -XX:TieredStopAtLevel=1 (repeatable; default: none).")
    List<String> jvmOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        LocalDate today = SampleCityGenerator.DEFAULT_REFERENCE_DATE;
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            Map<String, Long> counts = CoordinationBenchmarkCity.write(file, routes, sites, 1929, today,
                    msg -> {
                        out.println("  writing " + msg);
                        out.flush();
                    });
            out.printf(Locale.ROOT, "wrote %s in %d ms: %s%n", file, (System.nanoTime() - t0) / 1_000_000, counts);
        }
        try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            today = CoordinationParameters.defaultToday(store.metadata(), today);
            out.printf(Locale.ROOT, "data: %s%n", store.layers().stream()
                    .map(l -> l.name() + "=" + l.count()).toList());
        }
        Path json = Files.createTempFile("coordinate-bench-", ".json");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> ours = new ArrayList<>();
        ours.add(java);
        if (jvmOptions != null) {
            ours.addAll(jvmOptions);
        }
        // as a user runs it: java -jar trassenwerk.jar coordinate ...
        // (run from a build tree without the jar: the class path and the launcher)
        String classPath = System.getProperty("java.class.path");
        boolean oneJar = classPath.endsWith(".jar") && !classPath.contains(System.getProperty("path.separator"));
        ours.addAll(oneJar ? List.of("-jar", classPath) : List.of("-cp", classPath, "de.trassenwerk.app.Launcher"));
        ours.addAll(List.of("coordinate", file.toString(), "--out", json.toString()));
        List<String> gdal = List.of("ogrinfo", "-ro", "-q", file.toString(), "-dialect", "SQLite", "-sql",
                overlapSql(CoordinationParameters.defaults(today)));
        out.println("ours: java " + String.join(" ", ours.subList(1, ours.size())));
        out.println("gdal: ogrinfo -ro -q " + file + " -dialect SQLite -sql \"" + gdal.get(gdal.size() - 1) + "\"");
        out.flush();
        List<Double> ratios = new ArrayList<>();
        try {
            for (int i = 0; i < repeat; i++) {
                Timed o = time(ours);
                out.printf(Locale.ROOT, "coordinate: %d ms wall, cpu %s s (exit %d) %s%n", o.millis, o.cpu(), o.exit,
                        o.lastLine());
                out.flush();
                Timed g = time(gdal);
                out.printf(Locale.ROOT, "gdal sql:   %d ms wall, cpu %s s (exit %d) %s%n", g.millis, g.cpu(), g.exit,
                        g.lastLine());
                out.printf(Locale.ROOT, "load average: %s%n", loadAverage());
                ratios.add((double) o.millis / g.millis);
                out.printf(Locale.ROOT, "ratio ours/gdal: %.3f%n", ratios.get(ratios.size() - 1));
                out.flush();
            }
            if (repeat > 1) {
                List<Double> sorted = ratios.stream().sorted().toList();
                double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
                out.printf(Locale.ROOT, "median ratio of %d runs: %.3f (from %.3f to %.3f)%n", sorted.size(), median,
                        sorted.get(0), sorted.get(sorted.size() - 1));
            }
        } finally {
            Files.deleteIfExists(json);
        }
        return ExitCodes.OK;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /**
     * The core overlay of co-laying in SQL: planned routes (draft/agreed) against the buffered open-trench
     * works of the time window, candidates from the works' R-tree, intersection length by SpatiaLite.
     * {@code CROSS JOIN} fixes SQLite's join order (routes, then the R-tree searched with each route's
     * widened envelope, then the works by fid); left to itself, SQLite 3.40 scans every open-trench work
     * for every route and looks its R-tree entry up by id, which never uses the index spatially.
     */
    static String overlapSql(CoordinationParameters p) {
        String b = Double.toString(p.bufferM());
        String horizon = p.horizonEnd().toString();
        return "SELECT count(*) AS pairs, round(sum(len), 1) AS length_m FROM (SELECT r.fid, s.fid, "
                + "ST_Length(ST_Intersection(r.geom, ST_Buffer(s.geom, " + b + "))) AS len "
                + "FROM planned_routes r CROSS JOIN rtree_construction_sites_geom i CROSS JOIN construction_sites s "
                + "WHERE i.minx <= ST_MaxX(r.geom) + " + b + " AND i.maxx >= ST_MinX(r.geom) - " + b
                + " AND i.miny <= ST_MaxY(r.geom) + " + b + " AND i.maxy >= ST_MinY(r.geom) - " + b
                + " AND s.fid = i.id "
                + "AND r.status IN ('draft', 'agreed') AND s.open_trench = 1 AND s.status <> 'done' "
                + "AND s.end_date >= '" + p.today() + "' AND s.start_date >= '" + p.earliestJoinableStart() + "' "
                + "AND s.start_date <= min(coalesce(r.needed_by, '" + horizon + "'), '" + horizon + "') "
                + "AND ST_Intersects(r.geom, ST_Buffer(s.geom, " + b + ")))";
    }

    private record Timed(long millis, int exit, String output) {
        /** The last lines the command printed (without the CPU line of {@code time}). */
        String lastLine() {
            List<String> lines = output.strip().lines().filter(l -> !l.startsWith(CPU)).toList();
            return lines.isEmpty() ? "" : lines.subList(Math.max(0, lines.size() - 3), lines.size()).toString();
        }

        /** The CPU seconds (user + system) that {@code /usr/bin/time} reported, or "?" without it. */
        String cpu() {
            return output.lines().filter(l -> l.startsWith(CPU)).findFirst()
                    .map(l -> l.substring(CPU.length()).trim()).orElse("?");
        }
    }

    private static final String CPU = "cpu_user_sys_s=";
    private static final Path TIME = Path.of("/usr/bin/time");

    /**
     * Runs a command and measures its wall time; where {@code /usr/bin/time} exists, its CPU time too,
     * which shows how much of the wall time other programs on a busy machine took.
     */
    private static Timed time(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(TIME)) {
            full.addAll(List.of(TIME.toString(), "-f", CPU + "%U+%S"));
        }
        full.addAll(command);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        return new Timed((System.nanoTime() - t0) / 1_000_000, exit, output);
    }
}
