package de.trassenwerk.store;

import static de.trassenwerk.testing.Fixtures.attrs;
import static de.trassenwerk.testing.Fixtures.wkt;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

class GeoPackageStoreTest {
    @TempDir
    Path dir;
    Path file;

    static final LayerSchema SITES = LayerSchema.features("construction_sites", GeometryType.MULTIPOLYGON, 25832,
            List.of(FieldInfo.of("site_ref", FieldType.TEXT), FieldInfo.of("start_date", FieldType.DATE),
                    FieldInfo.of("open_trench", FieldType.BOOLEAN), FieldInfo.of("width_m", FieldType.REAL)));

    @BeforeEach
    void createFile() {
        file = dir.resolve("city.gpkg");
        try (GeoPackageStore s = GeoPackageStore.create(file)) {
            s.createLayer(SITES);
            s.createLayer(new LayerSchema("notes", "fid", null, GeometryType.GEOMETRY, 0, false, false,
                    List.of(FieldInfo.of("text", FieldType.TEXT)), true));
            s.apply(new ChangeSet()
                    .insert("construction_sites", Feature.create(wkt("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)))"),
                            attrs("site_ref", "BS-1", "start_date", "2026-03-01", "open_trench", true, "width_m", 8.5)))
                    .insert("construction_sites", Feature.create(wkt("MULTIPOLYGON (((100 100, 110 100, 110 110, 100 100)))"),
                            attrs("site_ref", "BS-2", "start_date", "2026-05-01", "open_trench", false)))
                    .insert("construction_sites", Feature.create(null, attrs("site_ref", "Straße ohne Lage")))
                    .insert("notes", Feature.create(null, attrs("text", "Baustelle prüfen"))));
        }
    }

    private GeoPackageStore open() {
        return GeoPackageStore.open(file, GeoPackageStore.Mode.READ_WRITE);
    }

    @Test
    void listsFeatureAndAttributeLayersWithCountExtentAndCrs() {
        try (GeoPackageStore s = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            List<LayerInfo> layers = s.layers();
            assertEquals(2, layers.size());
            LayerInfo sites = layers.get(0);
            assertEquals("construction_sites", sites.name());
            assertEquals(GeometryType.MULTIPOLYGON, sites.geometryType());
            assertEquals("EPSG:25832", sites.crs());
            assertEquals(3, sites.count());
            assertEquals(new Envelope(0, 110, 0, 110), sites.extent());
            LayerInfo notes = layers.get(1);
            assertNull(notes.geometryType());
            assertNull(notes.crs());
            assertNull(notes.extent());
            assertEquals(1, notes.count());
            assertEquals(List.of("site_ref", "start_date", "open_trench", "width_m"),
                    sites.schema().fields().stream().map(FieldInfo::name).toList());
        }
    }

    @Test
    void readsByBoundingBoxThroughTheSpatialIndex() {
        try (GeoPackageStore s = open()) {
            List<Feature> hit = s.read("construction_sites", Query.bbox(new Envelope(95, 120, 95, 120)));
            assertEquals(1, hit.size());
            assertEquals("BS-2", hit.get(0).getString("site_ref"));
            assertEquals(Boolean.FALSE, hit.get(0).getBoolean("open_trench"));
            assertEquals(1, s.count("construction_sites", Query.bbox(new Envelope(-5, 5, -5, 5))));
            assertEquals(0, s.count("construction_sites", Query.bbox(new Envelope(50, 60, 50, 60))));
        }
    }

    @Test
    void filtersSortsAndPagesInSql() {
        try (GeoPackageStore s = open()) {
            assertEquals(1, s.count("construction_sites", Query.where(AttributeFilter.eq("open_trench", true))));
            assertEquals(2, s.count("construction_sites", Query.where(new AttributeFilter.Like("site_ref", "bs-%"))));
            assertEquals(1, s.count("construction_sites", Query.where(new AttributeFilter.IsNull("start_date"))));
            assertEquals(2, s.count("construction_sites", Query.where(
                    new AttributeFilter.Between("start_date", "2026-01-01", "2026-12-31"))));
            assertEquals(2, s.count("construction_sites", Query.where(new AttributeFilter.Not(
                    AttributeFilter.eq("site_ref", "BS-1")))));
            assertEquals(2, s.count("construction_sites", Query.where(AttributeFilter.or(
                    AttributeFilter.eq("site_ref", "BS-1"), AttributeFilter.eq("site_ref", "BS-2")))));
            List<Feature> page = s.read("construction_sites", Query.ALL.orderedBy("site_ref", false).page(1, 1));
            assertEquals("BS-2", page.get(0).getString("site_ref"));
            assertThrows(StoreException.class, () -> s.count("construction_sites",
                    Query.where(AttributeFilter.eq("no_such_field", 1))));
        }
    }

    @Test
    void updatesBumpTheVersionAndStaleEditsAreRefusedWhole() {
        try (GeoPackageStore s = open()) {
            Feature bs1 = s.read("construction_sites", Query.where(AttributeFilter.eq("site_ref", "BS-1"))).get(0);
            assertEquals(1, bs1.version());
            s.apply(new ChangeSet().update("construction_sites", bs1.withAttribute("width_m", 9.0)));
            Feature after = s.read("construction_sites", Query.where(AttributeFilter.eq("site_ref", "BS-1"))).get(0);
            assertEquals(2, after.version());
            assertEquals(9.0, after.getDouble("width_m"));
            // a second editor still holds version 1: the whole change set fails, the insert included
            ChangeSet stale = new ChangeSet()
                    .insert("construction_sites", Feature.create(wkt("MULTIPOLYGON (((5 5, 6 5, 6 6, 5 5)))"), attrs()))
                    .update("construction_sites", bs1.withAttribute("width_m", 1.0));
            EditConflictException e = assertThrows(EditConflictException.class, () -> s.apply(stale));
            assertEquals(bs1.fid(), e.fid());
            assertEquals(3, s.count("construction_sites", Query.ALL));
            assertEquals(9.0, s.read("construction_sites", Query.where(AttributeFilter.eq("site_ref", "BS-1")))
                    .get(0).getDouble("width_m"));
        }
    }

    @Test
    void deleteRemovesTheFeatureFromTheIndex() {
        try (GeoPackageStore s = open()) {
            Feature bs2 = s.read("construction_sites", Query.where(AttributeFilter.eq("site_ref", "BS-2"))).get(0);
            s.apply(new ChangeSet().delete("construction_sites", bs2.fid(), bs2.version()));
            assertEquals(0, s.count("construction_sites", Query.bbox(new Envelope(95, 120, 95, 120))));
            assertThrows(EditConflictException.class,
                    () -> s.apply(new ChangeSet().delete("construction_sites", bs2.fid(), bs2.version())));
        }
    }

    @Test
    void movedGeometryIsFoundAtItsNewPlace() {
        try (GeoPackageStore s = open()) {
            Feature bs1 = s.read("construction_sites", Query.where(AttributeFilter.eq("site_ref", "BS-1"))).get(0);
            s.apply(new ChangeSet().update("construction_sites",
                    bs1.withGeometry(wkt("MULTIPOLYGON (((500 500, 510 500, 510 510, 500 500)))"))));
            assertEquals(0, s.count("construction_sites", Query.bbox(new Envelope(-1, 1, -1, 1))));
            assertEquals(1, s.count("construction_sites", Query.bbox(new Envelope(505, 506, 505, 506))));
        }
    }

    @Test
    void refusesGeometriesOfAnotherType() {
        try (GeoPackageStore s = open()) {
            assertThrows(StoreException.class, () -> s.apply(new ChangeSet().insert("construction_sites",
                    Feature.create(wkt("POINT (1 1)"), attrs()))));
        }
    }

    @Test
    void writtenFileIsAValidGeoPackageInOneFile() throws Exception {
        try (GeoPackageStore s = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            assertEquals(List.of(), GeoPackageValidator.validate(s, 10));
        }
        assertTrue(Files.notExists(dir.resolve("city.gpkg-wal")), "WAL folded back on close");
    }

    @Test
    void bulkLoaderIndexesEverythingInOneTransaction() {
        try (GeoPackageStore s = open()) {
            BulkLoader loader = s.bulkLoader("construction_sites");
            for (int i = 0; i < 1000; i++) {
                loader.add(wkt("MULTIPOLYGON (((" + i + " 0, " + (i + 1) + " 0, " + i + " 1, " + i + " 0)))"),
                        attrs("site_ref", "B" + i));
            }
            loader.finish();
            assertEquals(1003, s.count("construction_sites", Query.ALL));
            assertEquals(11, s.count("construction_sites", Query.bbox(new Envelope(500.5, 510.5, 0.2, 0.3))));
            BulkLoader aborted = s.bulkLoader("construction_sites");
            aborted.add(wkt("MULTIPOLYGON (((0 0, 1 0, 0 1, 0 0)))"), attrs());
            aborted.abort();
            assertEquals(1003, s.count("construction_sites", Query.ALL));
            assertEquals(List.of(), GeoPackageValidator.validate(s, 10));
        }
    }

    @Test
    void twoThreadsReadAtTheSameTimeAndBothGetTheirFeatures() throws Exception {
        try (GeoPackageStore s = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            CountDownLatch secondDone = new CountDownLatch(1);
            AtomicReference<List<String>> second = new AtomicReference<>();
            AtomicBoolean overlapped = new AtomicBoolean();
            List<String> first = new ArrayList<>();
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                // The first read waits inside its own result loop until a second thread has finished a
                // whole read: with one shared connection the second read could not start before the
                // first one ended, the wait would run out and "overlapped" would stay false.
                s.read("construction_sites", Query.ALL.orderedBy("site_ref", true), f -> {
                    if (first.isEmpty()) {
                        other.submit(() -> second.set(s.read("construction_sites",
                                Query.bbox(new Envelope(95, 120, 95, 120))).stream()
                                .map(g -> g.getString("site_ref")).toList()));
                        other.submit(secondDone::countDown);
                        try {
                            overlapped.set(secondDone.await(20, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    first.add(f.getString("site_ref"));
                });
            } finally {
                other.shutdown();
                assertTrue(other.awaitTermination(30, TimeUnit.SECONDS));
            }
            assertTrue(overlapped.get(), "the second read finished while the first was still reading");
            assertEquals(List.of("BS-1", "BS-2", "Straße ohne Lage"), first);
            assertEquals(List.of("BS-2"), second.get());
        }
    }

    @Test
    void readAfterACommittedWriteSeesTheWriteAndTheDataVersionMoves() {
        try (GeoPackageStore s = open()) {
            long before = s.dataVersion().orElseThrow();
            assertEquals(0, s.count("construction_sites", Query.bbox(new Envelope(700, 800, 700, 800))));
            s.apply(new ChangeSet().insert("construction_sites",
                    Feature.create(wkt("MULTIPOLYGON (((710 710, 720 710, 720 720, 710 710)))"), attrs("site_ref", "BS-9"))));
            long afterApply = s.dataVersion().orElseThrow();
            assertTrue(afterApply > before);
            List<Feature> seen = s.read("construction_sites", Query.bbox(new Envelope(700, 800, 700, 800)));
            assertEquals(List.of("BS-9"), seen.stream().map(f -> f.getString("site_ref")).toList());

            BulkLoader loader = s.bulkLoader("construction_sites");
            loader.add(wkt("MULTIPOLYGON (((750 750, 760 750, 760 760, 750 750)))"), attrs("site_ref", "BS-10"));
            loader.finish();
            assertTrue(s.dataVersion().orElseThrow() > afterApply);
            assertEquals(2, s.count("construction_sites", Query.bbox(new Envelope(700, 800, 700, 800))));
            long unchanged = s.dataVersion().orElseThrow();
            s.read("construction_sites", Query.ALL);
            assertEquals(unchanged, s.dataVersion().orElseThrow(), "reading is not a change");
        }
    }

    @Test
    void closedStoreRefusesToRead() {
        GeoPackageStore s = open();
        s.count("construction_sites", Query.ALL);
        s.close();
        assertThrows(StoreException.class, () -> s.count("construction_sites", Query.ALL));
    }

    // ---------------------------------------------------------------- bad files

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.gpkg");
        GeoPackageFileException e = assertThrows(GeoPackageFileException.class,
                () -> GeoPackageStore.open(missing, GeoPackageStore.Mode.READ_ONLY));
        assertEquals(GeoPackageFileException.Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("nope.gpkg"));
        assertTrue(Files.notExists(missing), "opening must not create the file");
    }

    @Test
    void textFileIsNotSqlite() throws Exception {
        Path text = dir.resolve("notes.gpkg");
        Files.writeString(text, "Baustellenliste\n");
        assertKind(text, GeoPackageFileException.Kind.NOT_SQLITE);
    }

    @Test
    void plainSqliteDatabaseIsNotAGeoPackage() throws Exception {
        Path db = dir.resolve("plain.gpkg");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INTEGER)");
        }
        assertKind(db, GeoPackageFileException.Kind.NOT_GEOPACKAGE);
    }

    @Test
    void truncatedFileIsRecognisedAndLeftAlone() throws Exception {
        byte[] whole = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.gpkg");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2 + 100));
        byte[] before = Files.readAllBytes(cut);
        assertKind(cut, GeoPackageFileException.Kind.TRUNCATED);
        assertArrayEquals(before, Files.readAllBytes(cut));
    }

    @Test
    void fileLockedByAnotherWriterIsReportedAndUntouched() throws Exception {
        byte[] before = Files.readAllBytes(file);
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = other.createStatement()) {
            s.execute("PRAGMA busy_timeout = 0");
            s.execute("BEGIN EXCLUSIVE");
            GeoPackageFileException e = assertThrows(GeoPackageFileException.class,
                    () -> GeoPackageStore.open(file, GeoPackageStore.Mode.READ_WRITE));
            assertEquals(GeoPackageFileException.Kind.LOCKED, e.kind());
            assertTrue(e.getMessage().contains("locked"));
            s.execute("ROLLBACK");
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    private static void assertKind(Path p, GeoPackageFileException.Kind kind) {
        for (GeoPackageStore.Mode mode : GeoPackageStore.Mode.values()) {
            GeoPackageFileException e = assertThrows(GeoPackageFileException.class, () -> GeoPackageStore.open(p, mode));
            assertEquals(kind, e.kind(), e.getMessage());
            assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        }
    }
}
