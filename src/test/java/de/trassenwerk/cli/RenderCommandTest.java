package de.trassenwerk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.store.ChangeSet;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.ThemeLayers;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class RenderCommandTest {
    @TempDir
    Path dir;
    private Path gpkg;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeOneDistrictAndOneWater() {
        gpkg = dir.resolve("city.gpkg");
        GeometryFactory gf = new GeometryFactory();
        try (GeoPackageStore store = GeoPackageStore.create(gpkg)) {
            store.createLayer(ThemeLayers.schema(ThemeLayers.DISTRICTS));
            store.createLayer(ThemeLayers.schema(ThemeLayers.WATER));
            store.apply(new ChangeSet()
                    .insert(ThemeLayers.DISTRICTS, Feature.create(gf.createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {
                        gf.createPolygon(new Coordinate[] {new Coordinate(340000, 5700000), new Coordinate(341000, 5700000),
                            new Coordinate(341000, 5701000), new Coordinate(340000, 5701000),
                            new Coordinate(340000, 5700000)})}), Map.of("name", "Mitte", "code", "1")))
                    .insert(ThemeLayers.WATER, Feature.create(gf.createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {
                        gf.createPolygon(new Coordinate[] {new Coordinate(340400, 5700000), new Coordinate(340600, 5700000),
                            new Coordinate(340600, 5701000), new Coordinate(340400, 5701000),
                            new Coordinate(340400, 5700000)})}), Map.of("name", "Rhein", "kind", "river"))));
        }
    }

    @Test
    void rendersTheWholeFileIntoAPngOfTheAskedSize() throws Exception {
        Path png = dir.resolve("map.png");
        int code = run("render", gpkg.toString(), "--out", png.toString(), "--width", "300", "--height", "200");
        assertEquals(ExitCodes.OK, code, err::toString);
        assertTrue(out.toString().matches("(?s)render_ms=\\d+\\s*"), out::toString);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(300, img.getWidth());
        assertEquals(200, img.getHeight());
        // the river runs through the middle; the left and right margins (widened bbox) stay white
        assertFalse((img.getRGB(150, 100) & 0xFFFFFF) == 0xFFFFFF, "river drawn in the centre");
        assertEquals(0xFFFFFF, img.getRGB(5, 100) & 0xFFFFFF);
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void drawsOnlyTheNamedLayersInsideTheBbox() throws Exception {
        Path png = dir.resolve("districts.png");
        Path styles = Files.createDirectories(dir.resolve("outline-styles"));
        Files.writeString(styles.resolve("districts.sld"), sld("districts",
                "<PolygonSymbolizer><Stroke><CssParameter name=\"stroke\">#000000</CssParameter></Stroke></PolygonSymbolizer>"));
        int code = run("render", gpkg.toString(), "--out", png.toString(), "--width", "100", "--height", "100",
                "--layers", "districts", "--bbox", "340300,5700300,340700,5700700", "--styles", styles.toString());
        assertEquals(ExitCodes.OK, code, err::toString);
        assertEquals("", err.toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(0xFFFFFF, img.getRGB(50, 50) & 0xFFFFFF, "water not asked for, district has no fill");
    }

    @Test
    void stylesFromTheGivenFolderColourTheMap() throws Exception {
        Path png = dir.resolve("red.png");
        Path styles = Files.createDirectories(dir.resolve("red-styles"));
        Files.writeString(styles.resolve("districts.sld"), sld("districts",
                "<PolygonSymbolizer><Fill><CssParameter name=\"fill\">#ff0000</CssParameter></Fill></PolygonSymbolizer>"));
        int code = run("render", gpkg.toString(), "--out", png.toString(), "--width", "100", "--height", "100",
                "--layers", "districts", "--bbox", "340300,5700300,340700,5700700", "--styles", styles.toString());
        assertEquals(ExitCodes.OK, code, err::toString);
        assertEquals(0xFF0000, ImageIO.read(png.toFile()).getRGB(50, 50) & 0xFFFFFF);
    }

    @Test
    void brokenStyleIsReportedWithLineAndColumnAndTheLayerFallsBackToItsDefault() throws Exception {
        Path png = dir.resolve("fallback.png");
        Path styles = Files.createDirectories(dir.resolve("broken-styles"));
        Files.writeString(styles.resolve("water.sld"), "<StyledLayerDescriptor>\n  <NamedLayer>\n    <Name>water</Nam>\n");
        int code = run("render", gpkg.toString(), "--out", png.toString(), "--width", "300", "--height", "200",
                "--styles", styles.toString());
        assertEquals(ExitCodes.PROBLEMS, code, "a style that cannot be used is a problem found");
        assertTrue(err.toString().contains("water.sld, line 3, column"), err::toString);
        assertEquals(1, err.toString().lines().count(), "reported once: " + err);
        BufferedImage img = ImageIO.read(png.toFile());
        assertFalse((img.getRGB(150, 100) & 0xFFFFFF) == 0xFFFFFF, "river drawn with its default style");
    }

    @Test
    void missingStylesFolderIsAUsageError() {
        int code = run("render", gpkg.toString(), "--out", dir.resolve("x.png").toString(), "--styles",
                dir.resolve("nowhere").toString());
        assertEquals(ExitCodes.UNUSABLE, code);
        assertTrue(err.toString().contains("nowhere"), err::toString);
    }

    private static String sld(String layer, String symbolizer) {
        return "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\">"
                + "<NamedLayer><Name>" + layer + "</Name><UserStyle><FeatureTypeStyle><Rule>" + symbolizer
                + "</Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>";
    }

    @Test
    void badBboxIsAClearUsageError() {
        int code = run("render", gpkg.toString(), "--out", dir.resolve("x.png").toString(), "--bbox", "1,2,3");
        assertEquals(ExitCodes.UNUSABLE, code);
        assertTrue(err.toString().contains("--bbox"), err::toString);
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    @Test
    void unknownLayerIsNamed() {
        int code = run("render", gpkg.toString(), "--out", dir.resolve("x.png").toString(), "--layers", "roads");
        assertEquals(ExitCodes.UNUSABLE, code);
        assertTrue(err.toString().contains("roads"), err::toString);
    }

    @Test
    void worksOnDrawsOnlyTheWorksOfThePeriod() throws Exception {
        String city = de.trassenwerk.testing.Fixtures.sampleCity().toString();
        Path all = dir.resolve("all.png");
        Path month = dir.resolve("month.png");
        assertEquals(ExitCodes.OK, run("render", city, "--out", all.toString(), "--layers", "construction_sites"), err::toString);
        assertEquals(ExitCodes.OK, run("render", city, "--out", month.toString(), "--layers", "construction_sites",
                "--works-on", "2026-09-01..2026-09-30"), err::toString);
        long inAll = nonWhite(ImageIO.read(all.toFile()));
        long inMonth = nonWhite(ImageIO.read(month.toFile()));
        assertTrue(inMonth > 0 && inMonth < inAll / 3, inMonth + " of " + inAll);
        int code = run("render", city, "--out", dir.resolve("x.png").toString(), "--works-on", "09/2026");
        assertEquals(ExitCodes.UNUSABLE, code);
        assertTrue(err.toString().contains("--works-on"), err::toString);
    }

    private static long nonWhite(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
        }
        return n;
    }

    private int run(String... args) {
        return TrassenwerkCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
