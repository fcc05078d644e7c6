package de.trassenwerk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.testing.Fixtures;
import de.trassenwerk.testing.Ogr;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The packed R-tree is a correct SQLite R-tree: rtreecheck accepts it, and queries find exactly what they should. */
class PackedRTreeTest {
    @TempDir
    Path dir;

    private static List<Geometry> boxes(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        GeometryFactory f = new GeometryFactory();
        List<Geometry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = 335000 + r.nextDouble() * 14000;
            double y = 5689000 + r.nextDouble() * 25000;
            out.add(f.toGeometry(new Envelope(x, x + 1 + r.nextDouble() * 80, y, y + 1 + r.nextDouble() * 80)));
        }
        return out;
    }

    private static String rtreecheck(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT rtreecheck('rtree_boxes_geom')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aPackedIndexPassesRtreecheckAndAnswersQueriesExactly() throws Exception {
        Path file = dir.resolve("packed.gpkg");
        List<Geometry> all = new ArrayList<>(boxes(1, 20000));
        LayerSchema schema = LayerSchema.features("boxes", GeometryType.POLYGON, SpatialReferences.PROJECT_SRS,
                List.of(FieldInfo.of("n", FieldType.INTEGER)));
        try (GeoPackageStore s = GeoPackageStore.create(file)) {
            BulkLoader l = s.bulkLoader(schema, false).withPackedIndex();
            for (int i = 0; i < all.size(); i++) {
                l.add(all.get(i), Map.of("n", (long) i));
            }
            l.finish();
        }
        assertEquals("ok", rtreecheck(file));
        List<Geometry> more = boxes(2, 7000);
        try (GeoPackageStore s = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_WRITE)) {
            BulkLoader l = s.bulkLoader("boxes").withPackedIndex();
            more.forEach(g -> l.add(g, Map.of()));
            l.finish();
        }
        all.addAll(more);
        assertEquals("ok", rtreecheck(file), "rebuilt with the entries already there");
        try (GeoPackageStore s = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            assertEquals(List.of(), GeoPackageValidator.validate(s, 10));
            SplittableRandom r = new SplittableRandom(3);
            for (int q = 0; q < 50; q++) {
                double x = 335000 + r.nextDouble() * 14000;
                double y = 5689000 + r.nextDouble() * 25000;
                Envelope window = new Envelope(x, x + r.nextDouble() * 2000, y, y + r.nextDouble() * 2000);
                long expected = all.stream().filter(g -> g.getEnvelopeInternal().intersects(window)).count();
                List<Feature> found = s.read("boxes", Query.bbox(window));
                long exact = found.stream().filter(f -> f.geometry().getEnvelopeInternal().intersects(window)).count();
                assertEquals(expected, exact, "window " + window);
            }
        }
    }

    @Test
    void gdalFindsTheSameFeaturesThroughAPackedIndex() throws Exception {
        Ogr.assumeInstalled();
        Path file = dir.resolve("gdal-reads.gpkg");
        List<Geometry> all = boxes(4, 5000);
        try (GeoPackageStore s = GeoPackageStore.create(file)) {
            BulkLoader l = s.bulkLoader(LayerSchema.features("boxes", GeometryType.POLYGON, SpatialReferences.PROJECT_SRS,
                    List.of()), false).withPackedIndex();
            all.forEach(g -> l.add(g, Map.of()));
            l.finish();
        }
        Envelope w = new Envelope(340000, 342000, 5700000, 5703000);
        long expected = all.stream().filter(g -> g.getEnvelopeInternal().intersects(w)).count();
        Fixtures.Run r = Fixtures.run(dir, "ogrinfo", "-ro", "-so", "-spat", "340000", "5700000", "342000", "5703000",
                file.toString(), "boxes");
        assertEquals(0, r.exit(), r.err());
        assertEquals(true, r.out().contains("Feature Count: " + expected), r.out() + " expected " + expected);
    }
}
