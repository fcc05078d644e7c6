package de.trassenwerk.cli;

import de.trassenwerk.render.Detail;
import de.trassenwerk.render.MapRenderer;
import de.trassenwerk.render.PictureComparison;
import de.trassenwerk.render.RenderResult;
import de.trassenwerk.render.RenderSettings;
import de.trassenwerk.render.Viewport;
import de.trassenwerk.sample.SampleCityGenerator;
import de.trassenwerk.sample.SampleCityWriter;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.style.StyleLibrary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench render}: figures of the map renderer, never a test. Warms the JVM up, then prints
 * {@code name=value} lines: the p50 (and p95) of cold renders (no layer image kept from one render to
 * the next; overviews built beforehand, as the workbench builds them in the background) of the
 * sample city's full extent, of a 5 km x 3 km window over Duisburg-Mitte, and of the same views of
 * the scale-50 city when one is given (or generated), together with what level of detail and
 * overviews buy: the full-detail time, the time without overviews, and how many pixels of the
 * level-of-detail picture match the full-detail one. The map is drawn with the standard SLD styles
 * ({@link StyleLibrary#standard()}, as {@code render} draws it).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Print performance figures (not a test).",
        subcommands = {BenchCommand.Render.class, RoutingBench.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The renderer benchmark. */
    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Cold renders (no cached layer images) in a warmed-up JVM: the sample city's full extent "
                    + "and a 5 km x 3 km window, and the same of the scale-50 city if given. Prints name=value lines.")
    static final class Render implements Callable<Integer> {
        /** Duisburg-Mitte in the sample city (and in the first tile of a scaled one). */
        static final double MITTE_X = 345_500;
        static final double MITTE_Y = 5_699_400;
        static final int WIDTH = 1600;
        static final int HEIGHT = 1000;
        private static final long OVERVIEW_WAIT_MS = 30 * 60 * 1000L;

        @Option(names = "--sample", paramLabel = "FILE",
                description = "The sample city (default: sample-gpkg/duisburg.gpkg if it exists, else one is generated).")
        Path sample;

        @Option(names = "--city50", paramLabel = "FILE", description = "A scale-50 city (`sample --scale 50`).")
        Path city50;

        @Option(names = "--generate", description = "Generate the scale-50 city into a temporary folder (about 30 s, 490 MB).")
        boolean generate;

        @Option(names = "--runs", defaultValue = "9", paramLabel = "N", description = "Measured renders per figure (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--warm-up", defaultValue = "20", paramLabel = "N",
                description = "Renders of each view before the measured ones, so that the JIT has compiled what they run "
                        + "(default: ${DEFAULT-VALUE}).")
        int warmUp;

        @Option(names = "--window-warm-up", defaultValue = "200", paramLabel = "N",
                description = "Renders of the 5 km window alone right before its measured ones: the JIT keeps compiling for "
                        + "about 30 s of renders, and a JVM still compiling is not warmed up (default: ${DEFAULT-VALUE}).")
        int windowWarmUp;

        @Option(names = "--compare", description = "Also compare the scale-50 city's level-of-detail picture with full detail (slow).")
        boolean compare;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            Runtime rt = Runtime.getRuntime();
            out.printf(Locale.ROOT, "machine_cores=%d%njava=%s%nmax_heap_mb=%d%nruns=%d%nwarm_up=%d%nwindow_warm_up=%d%n",
                    rt.availableProcessors(), System.getProperty("java.version"), rt.maxMemory() >> 20, runs, warmUp,
                    windowWarmUp);
            out.flush();
            Path temp = Files.createTempDirectory("trassenwerk-bench");
            try {
                Path sampleFile = sample != null ? sample : defaultSample(temp);
                measure("sample", sampleFile, true, out);
                Path big = city50;
                if (big == null && generate) {
                    big = temp.resolve("city50.gpkg");
                    long t0 = System.nanoTime();
                    SampleCityWriter.write(big, 50, SampleCityGenerator.DEFAULT_SEED,
                            SampleCityGenerator.DEFAULT_REFERENCE_DATE, msg -> { });
                    out.printf(Locale.ROOT, "city50_generate_ms=%d%n", (System.nanoTime() - t0) / 1_000_000);
                }
                if (big != null) {
                    measure("city50", big, compare, out);
                }
            } finally {
                deleteTree(temp);
            }
            return ExitCodes.OK;
        }

        private static Path defaultSample(Path temp) {
            Path committed = Path.of("sample-gpkg", "duisburg.gpkg");
            if (Files.isRegularFile(committed)) {
                return committed;
            }
            Path file = temp.resolve("duisburg.gpkg");
            SampleCityWriter.write(file, 1, SampleCityGenerator.DEFAULT_SEED, SampleCityGenerator.DEFAULT_REFERENCE_DATE,
                    msg -> { });
            return file;
        }

        private void measure(String name, Path file, boolean comparePictures, PrintWriter out)
                throws InterruptedException {
            try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
                StyleLibrary styles = StyleLibrary.standard();
                List<LayerInfo> infos = store.layers();
                List<String> layers = RenderCommand.defaultLayers(infos);
                Envelope extent = new Envelope();
                long features = 0;
                for (LayerInfo i : infos) {
                    if (layers.contains(i.name()) && i.extent() != null) {
                        extent.expandToInclude(i.extent());
                        features += i.count();
                    }
                }
                Viewport full = Viewport.fit(extent, WIDTH, HEIGHT);
                Viewport window = Viewport.fit(new Envelope(MITTE_X - 2500, MITTE_X + 2500, MITTE_Y - 1500, MITTE_Y + 1500),
                        WIDTH, HEIGHT);
                out.printf(Locale.ROOT, "%s_features=%d%n", name, features);

                MapRenderer cold = MapRenderer.withSettings(styles::styleFor, RenderSettings.defaults().withLayerCachePixels(0));
                long t0 = System.nanoTime();
                cold.prepareOverviews(store, layers);
                boolean built = cold.awaitOverviews(OVERVIEW_WAIT_MS);
                long buildMs = (System.nanoTime() - t0) / 1_000_000;
                Map<String, Long> sizes = cold.overviewSizes(store);
                out.printf(Locale.ROOT, "%s_overview_build_ms=%d%n%s_overview_layers=%s%n%s_overview_mb=%d%n", name,
                        built ? buildMs : -1, name, String.join(",", sizes.keySet()), name,
                        sizes.values().stream().mapToLong(Long::longValue).sum() >> 20);
                for (int i = 0; i < warmUp; i++) { // warm-up: the JIT compiles the paths both views take
                    cold.render(store, layers, full, () -> false);
                    cold.render(store, layers, window, () -> false);
                }
                RenderResult lod = timed(name + "_full", cold, store, layers, full, runs, out);
                for (int i = 0; i < windowWarmUp; i++) {
                    cold.render(store, layers, window, () -> false);
                }
                timed(name + "_window_5x3km", cold, store, layers, window, runs, out);

                if (!sizes.isEmpty()) {
                    MapRenderer noOverviews = MapRenderer.withSettings(styles::styleFor,
                            RenderSettings.defaults().withLayerCachePixels(0).withOverviews(false));
                    timed(name + "_full_without_overviews", noOverviews, store, layers, full, Math.min(runs, 3), out);
                }
                if (comparePictures) {
                    MapRenderer reference = MapRenderer.withSettings(styles::styleFor,
                            RenderSettings.defaults().withDetail(Detail.FULL).withLayerCachePixels(0));
                    RenderResult exact = timed(name + "_full_detail", reference, store, layers, full,
                            Math.min(runs, 3), out);
                    out.printf(Locale.ROOT, "%s_full_lod_match_pct=%.2f%n", name, 100 * PictureComparison.matchingShare(
                            lod.image(), exact.image(), PictureComparison.TOLERANCE));
                }
                out.flush();
            }
        }

        /**
         * Renders {@code n} times; prints the p50 and p95 of the wall time and the p50 of the CPU time
         * all threads of the JVM used meanwhile (which tells a busy machine from a slow render), in ms;
         * returns the last result.
         */
        private static RenderResult timed(String figure, MapRenderer renderer, GeoPackageStore store, List<String> layers,
                Viewport vp, int n, PrintWriter out) {
            long[] ms = new long[Math.max(1, n)];
            long[] cpu = new long[ms.length];
            RenderResult last = null;
            for (int i = 0; i < ms.length; i++) {
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                last = renderer.render(store, layers, vp, () -> false);
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
                cpu[i] = (cpuNanos() - c0) / 1_000_000;
            }
            Arrays.sort(ms);
            Arrays.sort(cpu);
            out.printf(Locale.ROOT, "%s_ms=%d%n%s_p95_ms=%d%n%s_cpu_ms=%d%n", figure, ms[ms.length / 2], figure,
                    ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.95) - 1)], figure, cpu[cpu.length / 2]);
            out.flush();
            return last;
        }

        /** CPU time used so far by all live threads of this JVM. */
        static long cpuNanos() {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (long id : mx.getAllThreadIds()) {
                long t = mx.getThreadCpuTime(id);
                if (t > 0) {
                    sum += t;
                }
            }
            return sum;
        }

        private static void deleteTree(Path dir) throws IOException {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
