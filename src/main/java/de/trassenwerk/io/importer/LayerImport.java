package de.trassenwerk.io.importer;

import de.trassenwerk.crs.CoordinateTransform;
import de.trassenwerk.crs.CrsException;
import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.io.FeatureCursor;
import de.trassenwerk.io.FeatureSource;
import de.trassenwerk.io.ReadException;
import de.trassenwerk.io.SourceFeature;
import de.trassenwerk.io.SourcePosition;
import de.trassenwerk.io.SourceSchema;
import de.trassenwerk.io.mapping.BoundMapping;
import de.trassenwerk.io.mapping.FieldMapping;
import de.trassenwerk.io.mapping.LineFootprints;
import de.trassenwerk.io.mapping.MappingException;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Imports one source layer into one GeoPackage layer, all or nothing.
 *
 * <p>A missing target GeoPackage is written under a temporary name beside it and moved into place
 * only when the import succeeded, so a failed import leaves no file. An existing GeoPackage is
 * opened with a rollback journal ({@link GeoPackageStore.Mode#READ_WRITE_ROLLBACK_JOURNAL}) and the
 * whole import is one transaction, so a failed import leaves it byte-for-byte as it was (measured
 * against writing into a copy: see {@code docs/import.md}).
 *
 * <p>Each feature is read, its attributes mapped, its geometry reprojected into the layer's CRS and
 * made to fit the layer's geometry type on a reading thread; then checked for validity, encoded and
 * written on the importing thread. Invalid geometries and unreadable
 * records fail the import (listing all of them), are repaired, or are skipped, as the settings say.
 *
 * <p>Thread rules: runs on the calling thread (a worker, never the JavaFX thread) and, for bulk
 * loads, one reading thread of its own; the listener is called on the reading thread;
 * {@code cancelled} is polled between features and may be set from any thread.
 */
public final class LayerImport {
    private static final int PROGRESS_EVERY = 1000;

    private final FeatureSource source;
    private final ImportSettings settings;
    private final ImportListener listener;
    private final BooleanSupplier cancelled;
    /** Problems are noted by both threads of an import: guarded by {@code this}. */
    private final List<ImportProblem> problems = new ArrayList<>();
    private final AtomicLong problemCount = new AtomicLong();
    /** Written by the writing thread only. */
    private long repaired;
    /** Written by the reading thread only; read by the importing thread after it ended. */
    private long read;
    private int sourceCrs;
    private String crsNote;

    private LayerImport(FeatureSource source, ImportSettings settings, ImportListener listener, BooleanSupplier cancelled) {
        this.source = source;
        this.settings = settings;
        this.listener = listener == null ? ImportListener.NONE : listener;
        this.cancelled = cancelled == null ? () -> false : cancelled;
    }

    /** Runs the import; {@link ImportException} (or another user-facing exception) when nothing was written. */
    public static ImportReport run(FeatureSource source, ImportSettings settings, ImportListener listener,
            BooleanSupplier cancelled) {
        return new LayerImport(source, settings, listener, cancelled).run();
    }

    private ImportReport run() {
        long t0 = System.nanoTime();
        resolveSourceCrs();
        Result r = Files.exists(settings.target()) ? intoExistingFile() : intoNewFile();
        listener.progress(read, 1, ImportListener.Phase.DONE);
        return new ImportReport(source.name(), settings.target(), r.schema.name(), sourceCrs, crsNote,
                r.schema.srsId(), read, r.added, r.updated, r.unchanged, r.disappeared, repaired, listedProblems(),
                problemCount.get(), r.unmapped, r.createdFile, (System.nanoTime() - t0) / 1_000_000);
    }

    private record Result(LayerSchema schema, long added, long updated, long unchanged, List<String> disappeared,
            List<String> unmapped, boolean createdFile) {
    }

    private void resolveSourceCrs() {
        if (settings.sourceCrs() > 0) {
            sourceCrs = settings.sourceCrs();
        } else {
            sourceCrs = source.srsId();
            if (sourceCrs <= 0) {
                throw new CrsException("import.error.noCrs", null, source.name());
            }
            crsNote = source.crsNote();
        }
        if (!CoordinateTransform.supports(sourceCrs)) {
            throw new CrsException("crs.error.unsupported", null, "EPSG:" + sourceCrs);
        }
    }

    // ---------------------------------------------------------------- targets

    private Result intoNewFile() {
        Path target = settings.target().toAbsolutePath();
        // the schema first: finding it may read the whole source, and nothing is on disk yet
        Map<String, FieldInfo> made = new LinkedHashMap<>();
        LayerSchema schema = newLayerSchema(made);
        Path tmp;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".tmp");
            Files.delete(tmp);
        } catch (IOException e) {
            throw new ImportException("import.error.io", e, target.toString(), e.getMessage());
        }
        try {
            Result r;
            try (GeoPackageStore store = GeoPackageStore.create(tmp)) {
                store.useUnsafeFastWrites();
                r = createLayer(store, schema, made, false);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return new Result(r.schema, r.added, r.updated, r.unchanged, r.disappeared, r.unmapped, true);
        } catch (IOException e) {
            throw new ImportException("import.error.io", e, target.toString(), e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a temporary file only
            }
        }
    }

    private Result intoExistingFile() {
        try (GeoPackageStore store = GeoPackageStore.open(settings.target(),
                GeoPackageStore.Mode.READ_WRITE_ROLLBACK_JOURNAL)) {
            if (!store.hasLayer(settings.layer())) {
                return createLayer(store, false);
            }
            switch (settings.mode()) {
                case APPEND:
                    return append(store);
                case OVERWRITE:
                    return createLayer(store, true);
                case UPDATE:
                    return update(store);
                default:
                    throw new ImportException("import.error.layerExists", null, settings.layer(),
                            settings.target().toString());
            }
        }
    }

    private Result createLayer(GeoPackageStore store, boolean replace) {
        Map<String, FieldInfo> made = new LinkedHashMap<>();
        return createLayer(store, newLayerSchema(made), made, replace);
    }

    private Result createLayer(GeoPackageStore store, LayerSchema schema, Map<String, FieldInfo> made, boolean replace) {
        Attributes attributes = attributes(schema, made);
        BulkSink sink = new BulkSink(store.bulkLoader(schema, replace).withPackedIndex());
        pump(store, schema, attributes, sink);
        return new Result(schema, sink.added(), 0, 0, List.of(), attributes.unmapped(), false);
    }

    private Result append(GeoPackageStore store) {
        LayerSchema schema = store.schema(settings.layer());
        Attributes attributes = attributes(schema, Map.of());
        BulkSink sink = new BulkSink(store.bulkLoader(schema.name()).withPackedIndex());
        pump(store, schema, attributes, sink);
        return new Result(schema, sink.added(), 0, 0, List.of(), attributes.unmapped(), false);
    }

    private Result update(GeoPackageStore store) {
        LayerSchema schema = store.schema(settings.layer());
        Attributes attributes = attributes(schema, Map.of());
        List<FieldInfo> provided = attributes.mapping != null ? attributes.mapping.targetFields()
                : attributes.direct.provided(source.schema().fields().stream().map(FieldInfo::name).toList());
        UpdateSink sink = new UpdateSink(store, schema, settings.updateKey(), provided);
        pump(store, schema, attributes, sink);
        return new Result(schema, sink.added(), sink.updated(), sink.unchanged(), sink.disappeared(),
                attributes.unmapped(), false);
    }

    /**
     * The schema of a layer this import makes: a theme layer's when a mapping targets one, else
     * the fields the mapping fills, else the source's fields (renamed where they clash). The
     * geometry type is the source's; polygons and lines become multi types when they are to be
     * repaired or turned into footprints.
     */
    private LayerSchema newLayerSchema(Map<String, FieldInfo> made) {
        FieldMapping mapping = settings.mapping();
        boolean theme = ThemeLayers.all().stream().anyMatch(s -> s.name().equals(settings.layer()));
        if (mapping != null && theme) {
            LayerSchema t = ThemeLayers.schema(settings.layer());
            return LayerSchema.features(settings.layer(), t.geometryType(), SpatialReferences.PROJECT_SRS, t.fields());
        }
        SourceSchema src = source.schema();
        GeometryType type = mapping != null && mapping.footprints() != null ? GeometryType.MULTIPOLYGON
                : src.geometryType();
        if (settings.invalid() == InvalidGeometries.REPAIR) {
            // repairing can split a polygon (a bow-tie becomes two triangles) or a line
            type = type == GeometryType.POLYGON ? GeometryType.MULTIPOLYGON
                    : type == GeometryType.LINESTRING ? GeometryType.MULTILINESTRING : type;
        }
        List<FieldInfo> fields = new ArrayList<>();
        if (mapping != null) {
            for (FieldMapping.Rule r : mapping.fields()) {
                for (String to : r.to()) {
                    FieldType ft = r.convert() == FieldMapping.Conversion.GERMAN_DATE_RANGE ? FieldType.DATE : FieldType.TEXT;
                    if (fields.stream().noneMatch(f -> f.name().equalsIgnoreCase(to))) {
                        fields.add(FieldInfo.of(to, ft));
                    }
                }
            }
        } else {
            Set<String> taken = new HashSet<>(List.of(LayerSchema.FID, "geom", LayerSchema.VERSION));
            int n = 0;
            for (FieldInfo f : src.fields()) {
                n++;
                String name = f.name().isBlank() ? "field_" + n : f.name().trim();
                String unique = name;
                for (int k = 2; taken.contains(unique.toLowerCase(Locale.ROOT)); k++) {
                    unique = name + "_" + k;
                }
                taken.add(unique.toLowerCase(Locale.ROOT));
                FieldInfo field = FieldInfo.of(unique, f.type());
                fields.add(field);
                made.put(f.name(), field);
            }
        }
        return LayerSchema.features(settings.layer(), type, SpatialReferences.PROJECT_SRS, fields);
    }

    // ---------------------------------------------------------------- attributes

    /** The attribute conversion of this import: a bound mapping or fields by name. */
    private static final class Attributes {
        final BoundMapping mapping;
        final DirectFields direct;

        Attributes(BoundMapping mapping, DirectFields direct) {
            this.mapping = mapping;
            this.direct = direct;
        }

        Map<String, Object> apply(SourceFeature f) {
            return mapping != null ? mapping.apply(f.attributes(), f.position()) : direct.apply(f.attributes(), f.position());
        }

        List<String> unmapped() {
            return mapping != null ? mapping.unmappedSourceFields() : direct.unmapped();
        }
    }

    private Attributes attributes(LayerSchema schema, Map<String, FieldInfo> made) {
        if (settings.mapping() != null) {
            List<String> names = source.schema().fields().stream().map(FieldInfo::name).toList();
            return new Attributes(new BoundMapping(settings.mapping(), names, schema), null);
        }
        return new Attributes(null, new DirectFields(schema, made));
    }

    // ---------------------------------------------------------------- the loop

    private <P> void pump(GeoPackageStore store, LayerSchema schema, Attributes attributes, FeatureSink<P> sink) {
        boolean finished = false;
        try {
            Reader reader = new Reader(schema, attributes, footprints(store, schema));
            listener.progress(0, 0, ImportListener.Phase.READING);
            Checker<P> checker = new Checker<>(schema, sink);
            if (sink.concurrent()) {
                new Pipeline<>(reader, checker).run();
            } else {
                reader.readAll(checker);
            }
            if (problemCount.get() > 0 && settings.invalid() != InvalidGeometries.SKIP) {
                throw new ImportException(listedProblems(), "import.error.problems", null, problemCount.get(), read);
            }
            listener.progress(read, 1, ImportListener.Phase.INDEXING);
            sink.finish();
            finished = true;
        } finally {
            if (!finished) {
                sink.abort();
            }
        }
    }

    /** A feature read, its attributes mapped and its geometry reprojected and fitted, not yet checked. */
    private record Candidate(Geometry geometry, Map<String, Object> attributes, SourcePosition position) {
    }

    /**
     * Reads the source: each feature's attributes mapped, its geometry reprojected, turned into a
     * footprint and fitted to the layer's type. Runs on one thread.
     */
    private final class Reader {
        private final LayerSchema schema;
        private final Attributes attributes;
        private final LineFootprints footprints;
        private final CoordinateTransform transform;
        private final boolean degrees = SpatialReferences.isGeographic(sourceCrs);
        private volatile boolean stopped;

        Reader(LayerSchema schema, Attributes attributes, LineFootprints footprints) {
            this.schema = schema;
            this.attributes = attributes;
            this.footprints = footprints;
            this.transform = CoordinateTransform.between(sourceCrs, schema.srsId());
        }

        /** Makes {@link #readAll} stop at the next feature (the writer failed). */
        void stop() {
            stopped = true;
        }

        void readAll(Consumer<Candidate> out) {
            try (FeatureCursor cursor = source.features()) {
                while (cursor.hasNext()) {
                    if (cancelled.getAsBoolean()) {
                        throw new ImportException("import.error.cancelled", null);
                    }
                    if (stopped) {
                        return;
                    }
                    SourceFeature f = cursor.next();
                    read++;
                    if (read % PROGRESS_EVERY == 0) {
                        listener.progress(read, cursor.progress(), ImportListener.Phase.READING);
                    }
                    if (!f.readable()) {
                        unusable(new ImportProblem(f.position(), "import.problem.unreadable", f.unreadable().problem()));
                        continue;
                    }
                    Map<String, Object> attrs = attributes.apply(f);
                    Geometry g = geometry(f, transform, footprints, degrees, schema);
                    if (g == NOT_USABLE || failing()) {
                        continue;
                    }
                    out.accept(new Candidate(g, attrs, f.position()));
                }
            }
        }
    }

    /** Whether the import will fail anyway, so that nothing more needs to be written. */
    private boolean failing() {
        return problemCount.get() > 0 && settings.invalid() == InvalidGeometries.FAIL;
    }

    /**
     * Checks each candidate's validity (repairing or noting it as the settings say), then hands it
     * to the sink. Runs on the writing thread.
     */
    private final class Checker<P> implements Consumer<Candidate> {
        private final LayerSchema schema;
        private final FeatureSink<P> sink;

        Checker(LayerSchema schema, FeatureSink<P> sink) {
            this.schema = schema;
            this.sink = sink;
        }

        @Override
        public void accept(Candidate c) {
            Geometry g = c.geometry() == null ? null : valid(c.geometry(), c.position(), schema);
            if (g == NOT_USABLE || failing()) {
                return;
            }
            sink.add(sink.prepare(g, c.attributes(), c.position()));
        }
    }

    /**
     * Reading and writing on two threads: a reader thread parses, maps and reprojects features and
     * hands them over in batches through a small bounded queue; the importing thread checks their
     * validity, encodes and inserts them.
     * A failure on either side stops both; the reader's failure is rethrown on the importing thread.
     */
    private final class Pipeline<P> {
        private static final int BATCH = 1000;
        private final Reader reader;
        private final Checker<P> checker;
        private final BlockingQueue<List<Candidate>> queue = new ArrayBlockingQueue<>(16);
        private final List<Candidate> end = new ArrayList<>();
        private volatile Throwable failure;

        Pipeline(Reader reader, Checker<P> checker) {
            this.reader = reader;
            this.checker = checker;
        }

        void run() {
            Thread thread = new Thread(this::read, "import-reader");
            thread.setDaemon(true);
            thread.start();
            try {
                while (true) {
                    List<Candidate> batch = queue.take();
                    if (batch == end) {
                        break;
                    }
                    batch.forEach(checker);
                }
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reader.stop();
                throw new ImportException("import.error.cancelled", e);
            } catch (RuntimeException | Error e) {
                reader.stop();
                queue.clear();
                try {
                    thread.join();
                } catch (InterruptedException again) {
                    Thread.currentThread().interrupt();
                }
                throw e;
            }
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error err) {
                throw err;
            }
        }

        private void read() {
            List<Candidate> batch = new ArrayList<>(BATCH);
            try {
                reader.readAll(p -> {
                    batch.add(p);
                    if (batch.size() == BATCH) {
                        hand(new ArrayList<>(batch));
                        batch.clear();
                    }
                });
                hand(batch);
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                hand(end);
            }
        }

        /** Puts a batch on the queue, giving up when the importing thread has stopped taking. */
        private void hand(List<Candidate> batch) {
            try {
                while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    if (reader.stopped) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reader.stop();
            }
        }
    }

    /** Marks a geometry that cannot be used (the problem is noted). */
    private static final Geometry NOT_USABLE = new org.locationtech.jts.geom.GeometryFactory().createPoint();

    private Geometry geometry(SourceFeature f, CoordinateTransform transform, LineFootprints footprints,
            boolean degrees, LayerSchema schema) {
        Geometry g = f.geometry();
        if (g == null || !schema.hasGeometry()) {
            return null;
        }
        if (degrees && !g.isEmpty()) {
            Envelope e = g.getEnvelopeInternal();
            if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
                throw new ReadException(f.position(), "import.error.notDegrees", null, "EPSG:" + sourceCrs,
                        e.getMinX(), e.getMinY());
            }
        }
        g = transform.transform(g);
        if (footprints != null) {
            g = footprints.footprint(g);
        }
        Geometry fitted = GeometryFit.fit(g, schema.geometryType());
        if (fitted == null) {
            unusable(new ImportProblem(f.position(), "import.problem.type", g.getGeometryType(),
                    schema.geometryType().sqlName()));
            return NOT_USABLE;
        }
        return fitted;
    }

    /** The geometry if valid, repaired when the settings say so, else {@link #NOT_USABLE} with the problem noted. */
    private Geometry valid(Geometry fitted, SourcePosition at, LayerSchema schema) {
        IsValidOp valid = new IsValidOp(fitted);
        if (valid.isValid()) {
            return fitted;
        }
        TopologyValidationError error = valid.getValidationError();
        if (settings.invalid() == InvalidGeometries.REPAIR) {
            Geometry fixed = GeometryFit.fit(GeometryFixer.fix(fitted), schema.geometryType());
            if (fixed != null && !fixed.isEmpty() && fixed.isValid()) {
                repaired++;
                return fixed;
            }
            unusable(new ImportProblem(at, "import.problem.unrepairable", error.getMessage(),
                    error.getCoordinate() == null ? "" : coordinate(error)));
            return NOT_USABLE;
        }
        unusable(new ImportProblem(at, "import.problem.invalid", error.getMessage(),
                error.getCoordinate() == null ? "" : coordinate(error)));
        return NOT_USABLE;
    }

    private static String coordinate(TopologyValidationError e) {
        return String.format(Locale.ROOT, "%.3f %.3f", e.getCoordinate().x, e.getCoordinate().y);
    }

    private synchronized List<ImportProblem> listedProblems() {
        problems.sort(Comparator.comparingLong(p -> p.position() == null ? 0 : p.position().number()));
        return List.copyOf(problems);
    }

    private synchronized void unusable(ImportProblem p) {
        problemCount.incrementAndGet();
        if (problems.size() < ImportException.LISTED) {
            problems.add(p);
        }
    }

    private LineFootprints footprints(GeoPackageStore store, LayerSchema schema) {
        FieldMapping m = settings.mapping();
        if (m == null || m.footprints() == null || !schema.hasGeometry()) {
            return null;
        }
        if (SpatialReferences.isGeographic(schema.srsId())) {
            throw new MappingException("mapping.error.footprintsInDegrees", null, schema.name());
        }
        List<LineFootprints.Street> streets = new ArrayList<>();
        String layer = m.footprints().streetsLayer();
        String width = m.footprints().widthField();
        if (layer != null && width != null && store.hasLayer(layer) && store.schema(layer).field(width).isPresent()) {
            LayerSchema streetSchema = store.schema(layer);
            CoordinateTransform toLayer = CoordinateTransform.between(streetSchema.srsId(), schema.srsId());
            for (Feature s : store.read(layer, Query.ALL.withFields(List.of(width), true))) {
                Double w = s.getDouble(streetSchema.field(width).get().name());
                if (s.geometry() != null && w != null) {
                    streets.add(new LineFootprints.Street(toLayer.transform(s.geometry()), w));
                }
            }
        }
        return new LineFootprints(m.footprints(), streets);
    }
}
