package de.trassenwerk.cli;

import de.trassenwerk.crs.CrsIdentifier;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.io.Dataset;
import de.trassenwerk.io.FeatureSource;
import de.trassenwerk.io.http.Credentials;
import de.trassenwerk.io.importer.ImportListener;
import de.trassenwerk.io.importer.ImportProblem;
import de.trassenwerk.io.importer.ImportReport;
import de.trassenwerk.io.importer.ImportSettings;
import de.trassenwerk.io.importer.InvalidGeometries;
import de.trassenwerk.io.importer.LayerImport;
import de.trassenwerk.io.importer.SourceOptions;
import de.trassenwerk.io.importer.Sources;
import de.trassenwerk.io.importer.WriteMode;
import de.trassenwerk.io.mapping.FieldMapping;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import SOURCE --into GPKG --layer NAME ...}: one layer of a file or service into a
 * GeoPackage layer, all or nothing. Shows a progress line on a terminal, nothing when its output
 * goes elsewhere; prints a summary at the end. Ctrl-C cancels the import cleanly (a shutdown hook
 * sets the cancel flag, interrupts a schema scan and waits until the import has rolled back).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a layer from a GeoJSON, CSV, shapefile or GeoPackage file, or from a WFS or ArcGIS REST "
                + "service URL, into a GeoPackage layer (reprojected into EPSG:25832 for new layers). All or "
                + "nothing: a failed import leaves the target as it was.")
final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SOURCE", description = "A file path or an http(s) service URL.")
    String source;

    @Option(names = "--into", required = true, paramLabel = "GPKG", description = "The target GeoPackage (created when missing).")
    Path into;

    @Option(names = "--layer", required = true, paramLabel = "NAME", description = "The target layer.")
    String layer;

    @Option(names = "--src-crs", paramLabel = "EPSG:n", description = "The source's coordinate system, when the source "
            + "does not say or says it wrongly.")
    String srcCrs;

    @Option(names = "--mapping", paramLabel = "FILE", description = "A field mapping (JSON file, or the name of a "
            + "shipped mapping: ${COMPLETION-CANDIDATES}).", completionCandidates = ShippedMappings.class)
    String mapping;

    @Option(names = "--x-field", paramLabel = "NAME", description = "CSV: the easting/longitude column.")
    String xField;

    @Option(names = "--y-field", paramLabel = "NAME", description = "CSV: the northing/latitude column.")
    String yField;

    @Option(names = "--wkt-field", paramLabel = "NAME", description = "CSV: the column with WKT geometries.")
    String wktField;

    @Option(names = "--encoding", paramLabel = "NAME", description = "Text encoding of a CSV or DBF (default: detected).")
    String encoding;

    @Option(names = "--repair", description = "Repair invalid geometries (JTS GeometryFixer).")
    boolean repair;

    @Option(names = "--skip-invalid", description = "Leave out features with invalid geometries or unreadable records.")
    boolean skipInvalid;

    @Option(names = "--source-layer", paramLabel = "NAME", description = "The layer of a source with several layers.")
    String sourceLayer;

    @Option(names = "--append", description = "Add to an existing target layer.")
    boolean append;

    @Option(names = "--overwrite", description = "Replace an existing target layer.")
    boolean overwrite;

    @Option(names = "--update-key", paramLabel = "FIELD", description = "Update an existing layer by this key field: "
            + "changed features are updated, new ones added, vanished ones reported.")
    String updateKey;

    @Option(names = "--user", paramLabel = "NAME", description = "Services: user for HTTP basic authentication.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", interactive = true, arity = "0..1",
            description = "Services: password for --user (asked for when given without a value).")
    char[] password;

    @Option(names = "--token", paramLabel = "TOKEN", description = "ArcGIS services: an access token.")
    String token;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The names of the shipped mappings, for the help text. */
    static final class ShippedMappings implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return FieldMapping.shippedNames().iterator();
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportSettings settings = settings();
        SourceOptions options = new SourceOptions(charset(), xField, yField, wktField, credentials());
        if (System.getProperty("java.net.useSystemProxies") == null) {
            System.setProperty("java.net.useSystemProxies", "true");
        }
        try (Dataset dataset = Sources.open(source, options)) {
            List<String> layers = dataset.layers();
            String chosen = sourceLayer;
            if (chosen == null) {
                if (layers.size() != 1) {
                    err.println(Messages.get(layers.isEmpty() ? "cli.import.noLayers" : "cli.import.chooseLayer",
                            dataset.name()));
                    layers.forEach(out::println);
                    return ExitCodes.UNUSABLE;
                }
                chosen = layers.get(0);
            }
            FeatureSource layerSource = dataset.layer(chosen);
            Progress progress = new Progress(err, System.console() != null);
            ImportReport report;
            // Ctrl-C cancels: the import stops at the next feature and leaves the target as it was
            AtomicBoolean cancelled = new AtomicBoolean();
            CountDownLatch finished = new CountDownLatch(1);
            Thread importing = Thread.currentThread();
            Thread onInterrupt = new Thread(() -> {
                cancelled.set(true);
                importing.interrupt();
                try {
                    finished.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "import-cancel");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                report = LayerImport.run(layerSource, settings, progress, cancelled::get);
            } finally {
                progress.clear();
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(onInterrupt);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it has just been released
                }
            }
            print(out, report);
            return ExitCodes.OK;
        }
    }

    private ImportSettings settings() {
        if (repair && skipInvalid) {
            throw new UserFacingException("cli.import.error.exclusive", null, "--repair", "--skip-invalid");
        }
        int modes = (append ? 1 : 0) + (overwrite ? 1 : 0) + (updateKey != null ? 1 : 0);
        if (modes > 1) {
            throw new UserFacingException("cli.import.error.exclusive", null, "--append, --overwrite",
                    "--update-key");
        }
        if ((xField == null) != (yField == null) || (xField != null && wktField != null)) {
            throw new UserFacingException("cli.import.error.geometryFields", null);
        }
        ImportSettings s = ImportSettings.into(into, layer)
                .withInvalid(repair ? InvalidGeometries.REPAIR : skipInvalid ? InvalidGeometries.SKIP : InvalidGeometries.FAIL)
                .withMode(append ? WriteMode.APPEND : overwrite ? WriteMode.OVERWRITE : WriteMode.CREATE);
        if (updateKey != null) {
            s = s.updatingBy(updateKey);
        }
        if (srcCrs != null) {
            int code = CrsIdentifier.parse(srcCrs).map(CrsIdentifier::epsg)
                    .orElseThrow(() -> new UserFacingException("cli.import.error.crs", null, srcCrs));
            s = s.withSourceCrs(code);
        }
        if (mapping != null) {
            Path file = Path.of(mapping);
            s = s.withMapping(Files.exists(file) ? FieldMapping.read(file) : FieldMapping.shipped(mapping)
                    .orElseThrow(() -> new UserFacingException("cli.import.error.mapping", null, mapping,
                            String.join(", ", FieldMapping.shippedNames()))));
        }
        return s;
    }

    private Charset charset() {
        if (encoding == null) {
            return null;
        }
        try {
            return Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("cli.import.error.encoding", e, encoding);
        }
    }

    private Credentials credentials() {
        if (user != null) {
            return Credentials.basic(user, password);
        }
        return token != null ? Credentials.token(token) : Credentials.NONE;
    }

    private static void print(PrintWriter out, ImportReport r) {
        out.println(Messages.get("cli.import.done", r.read(), r.source(), r.target(), r.layer(), "EPSG:" + r.targetCrs(),
                String.format(Locale.ROOT, "%.1f", r.millis() / 1000.0)));
        out.println(r.crsNote() != null ? r.crsNote() : Messages.get("cli.import.crs", "EPSG:" + r.sourceCrs()));
        out.println(Messages.get("cli.import.counts", r.added(), r.updated(), r.unchanged()));
        if (!r.disappeared().isEmpty()) {
            out.println(Messages.get("cli.import.disappeared", r.disappeared().size(), String.join(", ", r.disappeared())));
        }
        if (r.repaired() > 0) {
            out.println(Messages.get("cli.import.repaired", r.repaired()));
        }
        if (r.skippedCount() > 0) {
            out.println(Messages.get("cli.import.skipped", r.skippedCount()));
            for (ImportProblem p : r.skipped()) {
                out.println("  " + p.describe());
            }
        }
        if (!r.unmappedFields().isEmpty()) {
            out.println(Messages.get("cli.import.unmapped", String.join(", ", r.unmappedFields())));
        }
        out.printf(Locale.ROOT, "import_ms=%d peak_heap_mb=%d%n", r.millis(), peakHeapMb());
    }

    /** The largest heap in use during the run (sum of the heap pools' peaks). */
    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    /** The progress line on a terminal: rewritten in place at most twice a second. */
    private static final class Progress implements ImportListener {
        private final PrintWriter err;
        private final boolean terminal;
        private long last;
        private boolean shown;

        Progress(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void progress(long features, double fraction, Phase phase) {
            long now = System.nanoTime();
            if (!terminal || now - last < 500_000_000L && phase == Phase.READING) {
                return;
            }
            last = now;
            String line = Messages.get("cli.import.progress." + phase.name().toLowerCase(Locale.ROOT), features,
                    fraction < 0 ? "" : String.format(Locale.ROOT, "%.0f %%", fraction * 100));
            err.print("\r" + line + "   ");
            err.flush();
            shown = true;
        }

        void clear() {
            if (shown) {
                err.print("\r" + " ".repeat(70) + "\r");
                err.flush();
            }
        }
    }
}
