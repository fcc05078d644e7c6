package de.trassenwerk.io.shapefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.crs.CrsException;
import de.trassenwerk.io.FeatureCursor;
import de.trassenwerk.io.RingAssembler;
import de.trassenwerk.io.SourceFeature;
import de.trassenwerk.io.csv.TextEncoding;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.testing.Fixtures;
import de.trassenwerk.testing.Ogr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Shapefiles written by GDAL's ogr2ogr, read by our own reader. */
class ShapefileSourceTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeShapefilesWithGdal() throws Exception {
        Ogr.assumeInstalled();
        Files.writeString(dir.resolve("polygons.csv"), """
                WKT,name,lanes,width,opened,active
                "POLYGON ((343000 5702000,343000 5702100,343100 5702100,343100 5702000,343000 5702000),(343010 5702010,343020 5702010,343020 5702020,343010 5702020,343010 5702010))",Kaßlerfeld,2,7.5,2025-03-01,1
                "MULTIPOLYGON (((344000 5703000,344100 5703000,344100 5703100,344000 5703000)),((345000 5703000,345100 5703000,345100 5703100,345000 5703000)))",Mündelheim,4,12.25,,0
                "",Großenbaum,,,,
                """);
        Files.writeString(dir.resolve("lines.csv"), """
                WKT,name
                "LINESTRING (343000 5702000,343100 5702050)",Düsseldorfer Straße
                "MULTILINESTRING ((343000 5702000,343100 5702050),(343200 5702000,343300 5702000))",Königstraße
                """);
        Files.writeString(dir.resolve("points.csv"), """
                WKT,kind
                "POINT (343000 5702000)",PoP
                "POINT (343500 5702500)",cabinet
                """);
        Files.writeString(dir.resolve("multipoints.csv"), """
                WKT,kind
                "MULTIPOINT ((343000 5702000),(343500 5702500))",manholes
                """);
        String types = "-oo";
        Ogr.ogr2ogr(dir, "-f", "ESRI Shapefile", "polygons.shp", "polygons.csv", "-a_srs", "EPSG:25832",
                "-nlt", "MULTIPOLYGON", types, "AUTODETECT_TYPE=YES");
        Ogr.ogr2ogr(dir, "-f", "ESRI Shapefile", "polygons_utf8.shp", "polygons.csv", "-a_srs", "EPSG:25832",
                "-nlt", "MULTIPOLYGON", "-lco", "ENCODING=UTF-8", types, "AUTODETECT_TYPE=YES");
        Ogr.ogr2ogr(dir, "-f", "ESRI Shapefile", "polygons_1252.shp", "polygons.csv", "-a_srs", "EPSG:25832",
                "-nlt", "MULTIPOLYGON", "-lco", "ENCODING=CP1252", types, "AUTODETECT_TYPE=YES");
        Ogr.ogr2ogr(dir, "-f", "ESRI Shapefile", "lines.shp", "lines.csv", "-a_srs", "EPSG:31466",
                "-nlt", "MULTILINESTRING", "-lco", "ENCODING=UTF-8");
        Ogr.ogr2ogr(dir, "-f", "ESRI Shapefile", "points.shp", "points.csv", "-a_srs", "EPSG:4647", "-nlt", "POINT");
        Ogr.ogr2ogr(dir, "-f", "ESRI Shapefile", "multipoints.shp", "multipoints.csv", "-a_srs", "EPSG:3857",
                "-nlt", "MULTIPOINT");
    }

    static List<SourceFeature> all(ShapefileSource s) {
        List<SourceFeature> out = new ArrayList<>();
        try (FeatureCursor c = s.features()) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void polygonsWithHolesMultiPartsAndNullShapes() {
        ShapefileSource s = new ShapefileSource(dir.resolve("polygons.shp"), null);
        assertEquals(25832, s.srsId(), "Esri .prj matched by its parameters");
        assertEquals(GeometryType.MULTIPOLYGON, s.schema().geometryType());
        Map<String, FieldType> types = s.schema().fields().stream().collect(Collectors.toMap(FieldInfo::name, FieldInfo::type));
        assertEquals(FieldType.INTEGER, types.get("lanes"));
        assertEquals(FieldType.REAL, types.get("width"));
        assertEquals(FieldType.DATE, types.get("opened"));
        List<SourceFeature> f = all(s);
        assertEquals(3, f.size());
        Geometry first = f.get(0).geometry();
        assertTrue(first instanceof Polygon, first.getGeometryType());
        assertEquals(1, ((Polygon) first).getNumInteriorRing(), "the hole belongs to its shell");
        assertEquals(100 * 100 - 10 * 10, first.getArea(), 1e-6);
        assertTrue(first.isValid());
        assertEquals(2, f.get(1).geometry().getNumGeometries());
        assertNull(f.get(2).geometry(), "a null shape");
        assertEquals(3, f.get(2).position().number());
        assertEquals(2L, f.get(0).attributes().get("lanes"));
        assertEquals(12.25, f.get(1).attributes().get("width"));
        assertEquals("2025-03-01", f.get(0).attributes().get("opened"));
        assertNull(f.get(1).attributes().get("opened"));
        assertNull(f.get(2).attributes().get("lanes"));
    }

    @Test
    void dbfTextInEveryEncodingGdalWrites() {
        ShapefileSource latin = new ShapefileSource(dir.resolve("polygons.shp"), null);
        assertEquals(TextEncoding.WINDOWS_1252, latin.charset(), "language driver 0x57 without .cpg");
        ShapefileSource utf8 = new ShapefileSource(dir.resolve("polygons_utf8.shp"), null);
        assertEquals(StandardCharsets.UTF_8, utf8.charset(), ".cpg says UTF-8");
        ShapefileSource cp1252 = new ShapefileSource(dir.resolve("polygons_1252.shp"), null);
        assertEquals(TextEncoding.WINDOWS_1252, cp1252.charset(), ".cpg says CP1252");
        for (ShapefileSource s : List.of(latin, utf8, cp1252)) {
            List<SourceFeature> f = all(s);
            assertEquals("Kaßlerfeld", f.get(0).attributes().get("name"));
            assertEquals("Mündelheim", f.get(1).attributes().get("name"));
            assertEquals("Großenbaum", f.get(2).attributes().get("name"));
        }
    }

    @Test
    void linesPointsAndMultipointsWithTheirCoordinateSystems() {
        ShapefileSource lines = new ShapefileSource(dir.resolve("lines.shp"), null);
        assertEquals(31466, lines.srsId());
        List<SourceFeature> l = all(lines);
        assertEquals("LINESTRING (343000 5702000, 343100 5702050)", l.get(0).geometry().toText());
        assertEquals(Fixtures.wkt("MULTILINESTRING ((343000 5702000,343100 5702050),(343200 5702000,343300 5702000))"),
                l.get(1).geometry());
        assertEquals("Königstraße", l.get(1).attributes().get("name"));

        ShapefileSource points = new ShapefileSource(dir.resolve("points.shp"), null);
        assertEquals(4647, points.srsId(), "UTM 32N with zone prefix: false easting 32 500 000");
        assertEquals(GeometryType.POINT, points.schema().geometryType());
        assertEquals("POINT (343500 5702500)", all(points).get(1).geometry().toText());

        ShapefileSource multi = new ShapefileSource(dir.resolve("multipoints.shp"), null);
        assertEquals(3857, multi.srsId());
        assertEquals("MULTIPOINT ((343000 5702000), (343500 5702500))", all(multi).get(0).geometry().toText());
    }

    @Test
    void aPrjOfAnUnknownSystemSaysSo() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("unknown"));
        for (String ext : List.of("shp", "shx", "dbf")) {
            Files.copy(dir.resolve("points." + ext), sub.resolve("p." + ext));
        }
        Files.writeString(sub.resolve("p.prj"), "PROJCS[\"Lambert_Conformal_Conic\",GEOGCS[\"GCS_North_American_1983\","
                + "DATUM[\"D_North_American_1983\",SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Lambert_Conformal_Conic\"],"
                + "PARAMETER[\"Central_Meridian\",-96.0],UNIT[\"Meter\",1.0]]");
        CrsException e = assertThrows(CrsException.class, () -> new ShapefileSource(sub.resolve("p.shp"), null).srsId());
        assertTrue(e.getMessage().contains("p.prj"), e.getMessage());
        Files.delete(sub.resolve("p.prj"));
        assertEquals(0, new ShapefileSource(sub.resolve("p.shp"), null).srsId(), "no .prj: the source does not say");
    }

    @Test
    void ringsAreGroupedByOrientationOrElseByNesting() {
        GeometryFactory f = new GeometryFactory();
        Coordinate[] cwShell = ring(0, 0, 0, 10, 10, 10, 10, 0);
        Coordinate[] ccwHole = ring(2, 2, 4, 2, 4, 4, 2, 4);
        Coordinate[] cwSecondShell = ring(20, 0, 20, 10, 30, 10, 30, 0);
        Geometry g = RingAssembler.assemble(List.of(cwShell, cwSecondShell, ccwHole), f);
        assertEquals(2, g.getNumGeometries());
        assertEquals(100 - 4 + 100, g.getArea(), 1e-9);

        Coordinate[] ccwShell = ring(0, 0, 10, 0, 10, 10, 0, 10);
        Geometry allCcw = RingAssembler.assemble(List.of(ccwShell, ccwHole), f);
        assertEquals(1, allCcw.getNumGeometries(), "same orientation everywhere: the inner ring is a hole");
        assertEquals(96, allCcw.getArea(), 1e-9);

        Coordinate[] orphanHole = ring(50, 50, 60, 50, 60, 60, 50, 60);
        Geometry orphan = RingAssembler.assemble(List.of(cwShell, orphanHole), f);
        assertEquals(2, orphan.getNumGeometries(), "a hole outside every shell is a shell");

        Coordinate[] unclosed = {new Coordinate(0, 0), new Coordinate(0, 10), new Coordinate(10, 10), new Coordinate(10, 0)};
        assertEquals(100, RingAssembler.assemble(List.<Coordinate[]>of(unclosed), f).getArea(), 1e-9);
    }

    private static Coordinate[] ring(double... xy) {
        Coordinate[] c = new Coordinate[xy.length / 2 + 1];
        for (int i = 0; i < xy.length / 2; i++) {
            c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        c[c.length - 1] = c[0].copy();
        return c;
    }
}
