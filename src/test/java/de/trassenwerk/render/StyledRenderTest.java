package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.store.ChangeSet;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.style.StyleLibrary;
import de.trassenwerk.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * Pixels of maps drawn with SLD files from a folder, over a small GeoPackage: a 100 m x 100 m view
 * at 1 m per pixel (1:3 571) with two 40 m parcels side by side ("open" on the left, "closed" on the
 * right), a 90 m street across the top and two points close together.
 */
class StyledRenderTest {
    private static final int WHITE = 0xFFFFFF;
    private final Viewport view = Viewport.fit(new Envelope(1000, 1100, 2000, 2100), 100, 100);
    private GeoPackageStore store;

    @TempDir
    Path dir;

    @BeforeEach
    void writeFixture() {
        store = GeoPackageStore.create(dir.resolve("tiny.gpkg"));
        store.createLayer(LayerSchema.features("parcels", GeometryType.POLYGON, SpatialReferences.PROJECT_SRS,
                List.of(FieldInfo.of("state", FieldType.TEXT), FieldInfo.of("area", FieldType.REAL))));
        store.createLayer(LayerSchema.features("roads", GeometryType.LINESTRING, SpatialReferences.PROJECT_SRS,
                List.of(FieldInfo.of("name", FieldType.TEXT))));
        store.createLayer(LayerSchema.features("spots", GeometryType.POINT, SpatialReferences.PROJECT_SRS,
                List.of(FieldInfo.of("name", FieldType.TEXT), FieldInfo.of("rank", FieldType.INTEGER))));
        store.apply(new ChangeSet()
                .insert("parcels", Feature.create(Fixtures.wkt("POLYGON ((1005 2005, 1045 2005, 1045 2045, 1005 2045, 1005 2005))"),
                        Fixtures.attrs("state", "open", "area", 0.16)))
                .insert("parcels", Feature.create(Fixtures.wkt("POLYGON ((1055 2005, 1095 2005, 1095 2045, 1055 2045, 1055 2005))"),
                        Fixtures.attrs("state", "closed", "area", 0.16)))
                .insert("roads", Feature.create(Fixtures.wkt("LINESTRING (1005 2080, 1095 2080)"), Fixtures.attrs("name", "Hafenstraße")))
                .insert("spots", Feature.create(Fixtures.wkt("POINT (1040 2060)"), Fixtures.attrs("name", "WWWW", "rank", 1L)))
                .insert("spots", Feature.create(Fixtures.wkt("POINT (1043 2061)"), Fixtures.attrs("name", "MMMM", "rank", 2L))));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void redPolygonIsRedInsideAndWhiteOutside() throws Exception {
        style("parcels", rule("", "", polygonFill("#ff0000")));
        BufferedImage img = render("parcels");
        assertEquals(0xFF0000, rgb(img, 25, 75), "inside the left parcel");
        assertEquals(0xFF0000, rgb(img, 75, 75), "inside the right parcel");
        assertEquals(WHITE, rgb(img, 50, 75), "between the parcels");
        assertEquals(WHITE, rgb(img, 50, 20), "above them");
    }

    @Test
    void filteredRuleColoursOnlyTheMatchingFeatures() throws Exception {
        style("parcels", rule("open", filterEquals("state", "open"), polygonFill("#ff0000")));
        BufferedImage img = render("parcels");
        assertEquals(0xFF0000, rgb(img, 25, 75), "the open parcel");
        assertEquals(WHITE, rgb(img, 75, 75), "the closed parcel matches no rule");
    }

    @Test
    void elseRuleTakesWhatNoOtherRuleTook() throws Exception {
        style("parcels", rule("open", filterEquals("state", "open"), polygonFill("#ff0000"))
                + rule("rest", "<ElseFilter/>", polygonFill("#0000ff")));
        BufferedImage img = render("parcels");
        assertEquals(0xFF0000, rgb(img, 25, 75));
        assertEquals(0x0000FF, rgb(img, 75, 75));
    }

    @Test
    void ruleOutsideItsScaleRangeDrawsNothing() throws Exception {
        style("parcels", rule("near", "<MaxScaleDenominator>2000</MaxScaleDenominator>", polygonFill("#ff0000"))
                + rule("far", "<MinScaleDenominator>10000</MinScaleDenominator>", polygonFill("#0000ff")));
        RenderResult r = renderResult("parcels");
        assertEquals(3571, Math.round(view.scaleDenominator()));
        assertEquals(WHITE, rgb(r.image(), 25, 75));
        assertEquals(0, r.featuresDrawn().get("parcels"), "no rule is shown at 1:3 571: the layer is not even read");
        style("parcels", rule("here", "<MinScaleDenominator>3000</MinScaleDenominator>"
                + "<MaxScaleDenominator>4000</MaxScaleDenominator>", polygonFill("#ff0000")));
        assertEquals(0xFF0000, rgb(render("parcels"), 25, 75));
    }

    @Test
    void laterFeatureTypeStyleAndLaterRuleLieOnTop() throws Exception {
        String both = "<FeatureTypeStyle>" + rule("all", "", polygonFill("#00ff00")) + rule("open",
                filterEquals("state", "open"), polygonFill("#ff0000")) + "</FeatureTypeStyle>"
                + "<FeatureTypeStyle>" + rule("closed", filterEquals("state", "closed"), polygonFill("#0000ff"))
                + "</FeatureTypeStyle>";
        writeSld("parcels", both);
        BufferedImage img = render("parcels");
        assertEquals(0xFF0000, rgb(img, 25, 75), "the second rule covers the first");
        assertEquals(0x0000FF, rgb(img, 75, 75), "the second feature type style covers the first");
    }

    @Test
    void labelIsDrawnAtItsPointInTheTextColour() throws Exception {
        style("spots", rule("names", filterEquals("name", "WWWW"), text("name", "#0000ff", 14, "")));
        BufferedImage img = render("spots");
        // the label is centred on map (1040, 2060) = pixel (40, 40)
        int blue = count(img, 10, 30, 70, 50, p -> (p & 0xFF) > 150 && ((p >> 16) & 0xFF) < 120);
        assertTrue(blue > 15, "text pixels near the label point: " + blue);
        assertEquals(0, count(img, 0, 60, 100, 100, p -> p != WHITE), "nothing drawn far from it");
    }

    @Test
    void ofTwoOverlappingLabelsOnlyTheHigherPriorityOneIsDrawn() throws Exception {
        writeSld("spots", "<FeatureTypeStyle>"
                + rule("w", filterEquals("name", "WWWW"), text("name", "#ff0000", 14, "<VendorOption name=\"priority\">100</VendorOption>"))
                + rule("m", filterEquals("name", "MMMM"), text("name", "#0000ff", 14, "<VendorOption name=\"priority\">200</VendorOption>"))
                + "</FeatureTypeStyle>");
        BufferedImage img = render("spots");
        int red = count(img, 0, 0, 100, 100, p -> ((p >> 16) & 0xFF) > 150 && (p & 0xFF) < 120);
        int blue = count(img, 0, 0, 100, 100, p -> (p & 0xFF) > 150 && ((p >> 16) & 0xFF) < 120);
        assertTrue(blue > 15, "the label of higher priority is drawn: " + blue);
        assertEquals(0, red, "the one it would overlap is not");
    }

    @Test
    void streetNameFollowsTheLineAndIsLeftOutWhenTheLineIsTooShort() throws Exception {
        style("roads", rule("names", "", text("name", "#0000ff", 11, "", "<LinePlacement/>")));
        BufferedImage img = render("roads");
        // the street runs at pixel row 20 from x 5 to 95
        int onLine = count(img, 5, 12, 95, 28, p -> (p & 0xFF) > 150 && ((p >> 16) & 0xFF) < 120);
        assertTrue(onLine > 30, "name along the street: " + onLine);
        assertEquals(0, count(img, 0, 30, 100, 100, p -> p != WHITE));
        style("roads", rule("names", "", text("name", "#0000ff", 30, "", "<LinePlacement/>")));
        assertEquals(0, count(render("roads"), 0, 0, 100, 100, p -> p != WHITE),
                "a 30 px name is longer than the 90 px street");
    }

    @Test
    void brokenStyleFallsBackToTheDefaultAndTheOthersStillApply() throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("styles")).resolve("parcels.sld"),
                "<StyledLayerDescriptor><NamedLayer");
        StyleLibrary lib = StyleLibrary.load(dir.resolve("styles"));
        assertEquals(1, lib.errors().size());
        BufferedImage img = new MapRenderer(lib::styleFor).render(store, List.of("parcels"), view, () -> false).image();
        assertFalse(rgb(img, 25, 75) == WHITE, "drawn with the neutral default");
    }

    // ------------------------------------------------------------------ helpers

    private BufferedImage render(String layer) {
        return renderResult(layer).image();
    }

    private RenderResult renderResult(String layer) {
        StyleLibrary lib = StyleLibrary.load(dir.resolve("styles"));
        assertEquals(List.of(), lib.messages());
        RenderResult r = new MapRenderer(lib::styleFor).render(store, List.of(layer), view, () -> false);
        assertTrue(r.failures().isEmpty(), () -> r.failures().toString());
        return r;
    }

    private void style(String layer, String rules) throws Exception {
        writeSld(layer, "<FeatureTypeStyle>" + rules + "</FeatureTypeStyle>");
    }

    private void writeSld(String layer, String featureTypeStyles) throws Exception {
        Path styles = Files.createDirectories(dir.resolve("styles"));
        Files.writeString(styles.resolve(layer + ".sld"), "<StyledLayerDescriptor version=\"1.0.0\" "
                + "xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\"><NamedLayer><Name>"
                + layer + "</Name><UserStyle>" + featureTypeStyles + "</UserStyle></NamedLayer></StyledLayerDescriptor>");
    }

    private static String rule(String name, String filterAndScales, String symbolizers) {
        return "<Rule><Name>" + name + "</Name>" + filterAndScales + symbolizers + "</Rule>";
    }

    private static String filterEquals(String field, String value) {
        return "<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>" + field + "</ogc:PropertyName><ogc:Literal>"
                + value + "</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>";
    }

    private static String polygonFill(String colour) {
        return "<PolygonSymbolizer><Fill><CssParameter name=\"fill\">" + colour + "</CssParameter></Fill></PolygonSymbolizer>";
    }

    private static String text(String field, String colour, int size, String options) {
        return text(field, colour, size, options, "<PointPlacement><AnchorPoint><AnchorPointX>0.5</AnchorPointX>"
                + "<AnchorPointY>0.5</AnchorPointY></AnchorPoint></PointPlacement>");
    }

    private static String text(String field, String colour, int size, String options, String placement) {
        return "<TextSymbolizer><Label><ogc:PropertyName>" + field + "</ogc:PropertyName></Label><Font>"
                + "<CssParameter name=\"font-size\">" + size + "</CssParameter><CssParameter name=\"font-weight\">bold"
                + "</CssParameter></Font><LabelPlacement>" + placement + "</LabelPlacement><Fill><CssParameter name=\"fill\">"
                + colour + "</CssParameter></Fill>" + options + "</TextSymbolizer>";
    }

    private static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    private static int count(BufferedImage img, int x0, int y0, int x1, int y1, java.util.function.IntPredicate p) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (p.test(rgb(img, x, y))) {
                    n++;
                }
            }
        }
        return n;
    }
}
