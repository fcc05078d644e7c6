package de.trassenwerk.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.store.Feature;
import de.trassenwerk.testing.Fixtures;
import java.awt.Color;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading SLD files as QGIS writes them (SE 1.1) and as older tools do (SLD 1.0), and broken ones. */
class SldReaderTest {
    @TempDir
    Path dir;

    @Test
    void qgisSe11FileGivesRulesWithFiltersScalesAndSymbolizers() throws Exception {
        SldDocument doc = SldReader.read(resource("qgis-streets-se11.sld"));
        assertEquals(List.of(), doc.warnings(), "everything in the QGIS file is understood");
        assertEquals(1, doc.layers().size());
        LayerStyle style = doc.layers().get(0);
        assertEquals("streets", style.layerName());
        assertEquals(2, style.featureTypeStyles().size());
        List<Rule> rules = style.featureTypeStyles().get(0).rules();
        assertEquals(List.of("primary", "old_surface", "wide_named", "other"), rules.stream().map(Rule::name).toList());

        Rule primary = rules.get(0);
        assertEquals("Primary road", primary.title());
        assertEquals("Federal and main roads", primary.description());
        assertEquals(0, primary.minScale());
        assertEquals(50000, primary.maxScale());
        assertTrue(primary.appliesAt(49999) && !primary.appliesAt(50000), "max scale is exclusive");
        LineSymbolizer line = (LineSymbolizer) primary.symbolizers().get(0);
        assertEquals(new Color(0xe3, 0x1a, 0x1c, 128), line.stroke().colour(), "stroke-opacity folded into alpha");
        assertEquals(3.5, line.stroke().width());
        assertEquals(List.of(6.0, 2.0), line.stroke().dashArray());
        assertEquals(LineJoin.BEVEL, line.stroke().join());
        assertEquals(LineCap.SQUARE, line.stroke().cap());
        assertEquals(2, line.perpendicularOffset());
        assertEquals(Uom.PIXEL, line.uom());

        Rule old = rules.get(1);
        assertEquals(1000, old.minScale());
        assertEquals(25000, old.maxScale());
        assertEquals(Uom.METRE, old.symbolizers().get(0).uom());
        assertTrue(old.filter().test(street("Hafenweg", "residential", "2010-05-01", 6.0)));
        assertTrue(old.filter().test(street("Hafenweg", "residential", null, 6.0)), "never renewed");
        assertFalse(old.filter().test(street("Hafenweg", "residential", "2019-05-01", 6.0)));

        Rule wide = rules.get(2);
        PointSymbolizer star = (PointSymbolizer) wide.symbolizers().get(0);
        assertEquals(WellKnownMark.STAR, star.graphic().mark().shape());
        assertEquals(new Color(0xffcc00), star.graphic().mark().fill().colour());
        assertEquals(0.5, star.graphic().mark().stroke().width());
        assertEquals(9, star.graphic().size());
        assertEquals(45, star.graphic().rotation());
        assertEquals(0.8, star.graphic().opacity(), 1e-9);
        assertTrue(wide.filter().test(street("Königstraße", "primary", null, 12.0)));
        assertFalse(wide.filter().test(street("Hafenweg", "primary", null, 12.0)), "names on -weg excluded");
        assertFalse(wide.filter().test(street("Königstraße", "primary", null, 6.0)), "too narrow");

        Rule other = rules.get(3);
        assertTrue(other.elseRule());
        assertEquals(Stroke.DEFAULT.width(), ((LineSymbolizer) other.symbolizers().get(0)).stroke().width());
        assertEquals(new Color(0xaaaaaa), ((LineSymbolizer) other.symbolizers().get(0)).stroke().colour());
    }

    @Test
    void textSymbolizerOfTheQgisFileHasLabelFontHaloPlacementAndOptions() throws Exception {
        LayerStyle style = SldReader.read(resource("qgis-streets-se11.sld")).layers().get(0);
        Rule names = style.featureTypeStyles().get(1).rules().get(0);
        assertEquals(10000, names.maxScale());
        TextSymbolizer t = (TextSymbolizer) names.symbolizers().get(0);
        assertEquals("Königstraße", t.label().evaluateAsText(street("Königstraße", "primary", null, 9.0)));
        assertEquals(List.of("DejaVu Sans", "Arial"), t.font().families());
        assertEquals(11, t.font().size());
        assertTrue(t.font().italic());
        assertTrue(t.font().bold());
        assertEquals(new LabelPlacement.LinePlacement(4), t.placement());
        assertEquals(1.5, t.halo().radius());
        assertEquals(new Color(255, 255, 255, 204), t.halo().fill().colour());
        assertEquals(new Color(0x323232), t.fill().colour());
        assertEquals(new LabelOptions(2500, true, 300, LabelOptions.DEFAULT.spaceAround(), 0), t.options());
        assertEquals(List.of("class", "surface_renewed", "width_m", "name", "code"), style.fieldsNeeded());
        assertEquals(List.of("class", "width_m", "name", "code"), style.fieldsNeededAt(500),
                "at 1:500 the rule on surface_renewed is not shown, so that field is not read");
        assertTrue(style.labelledAt(5000), "street names up to 1:10 000, codes at every scale");
    }

    @Test
    void labelMixesTextPropertiesAndConcatenation() throws Exception {
        LayerStyle style = SldReader.read(resource("qgis-streets-se11.sld")).layers().get(0);
        TextSymbolizer t = (TextSymbolizer) style.featureTypeStyles().get(1).rules().get(1).symbolizers().get(0);
        Feature f = Feature.create(null, Fixtures.attrs("code", 501L, "class", "primary"));
        assertEquals("Nr. 501 (primary!)", t.label().evaluateAsText(f));
        assertEquals(new LabelPlacement.PointPlacement(0.5, 0, 3, -4, -30), t.placement());
        assertNull(t.halo());
    }

    @Test
    void sld10FileWithCssParametersReadsTheSame() throws Exception {
        SldDocument doc = SldReader.read(resource("sites-sld10.sld"));
        assertEquals(List.of(), doc.warnings());
        LayerStyle style = doc.layers().get(0);
        assertEquals("commercial_sites", style.layerName());
        assertEquals("Commercial sites by status", style.title());
        List<Rule> rules = style.rules();
        assertEquals("Available", rules.get(0).title());
        PolygonSymbolizer p = (PolygonSymbolizer) rules.get(0).symbolizers().get(0);
        assertEquals(new Color(0x1b, 0x9e, 0x77, 128), p.fill().colour());
        assertEquals(2, p.stroke().width());
        assertTrue(rules.get(0).filter().test(site("available", 3.0)), "matchCase=false");
        assertFalse(rules.get(0).filter().test(site("sold", 3.0)));
        assertEquals(20000, rules.get(1).maxScale());
        TextSymbolizer t = (TextSymbolizer) rules.get(1).symbolizers().get(0);
        assertEquals(Color.WHITE, t.halo().fill().colour(), "a halo without fill is white");
        assertEquals(2, t.halo().radius());
        assertEquals(new LabelPlacement.PointPlacement(0.5, 0.5, 0, 0, 0), t.placement());
        assertTrue(rules.get(2).elseRule());
        PolygonSymbolizer outline = (PolygonSymbolizer) rules.get(2).symbolizers().get(0);
        assertNull(outline.fill(), "no Fill element: no fill");
        assertEquals(List.of(4.0, 2.0), outline.stroke().dashArray());
    }

    @Test
    void notWellFormedFileNamesFileLineAndColumn() throws Exception {
        Path f = write("broken.sld", "<StyledLayerDescriptor>\n  <NamedLayer>\n    <Name>water</Nam>\n");
        StyleException e = assertThrows(StyleException.class, () -> SldReader.read(f));
        assertEquals(f.toString(), e.file());
        assertEquals(3, e.line());
        assertTrue(e.column() > 0);
        assertTrue(e.getMessage().startsWith(f + ", line 3, column " + e.column() + ": not well-formed XML"),
                e.getMessage());
        assertTrue(e.localizedMessage().contains(f.toString()));
    }

    @Test
    void otherRootElementIsNotAnSld() throws Exception {
        Path f = write("style.qml", "<?xml version=\"1.0\"?>\n<qgis version=\"3.34\">\n</qgis>\n");
        StyleException e = assertThrows(StyleException.class, () -> SldReader.read(f));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("<qgis>"), e.getMessage());
    }

    @Test
    void badNumberIsAnErrorWhereItStands() throws Exception {
        Path f = write("bad.sld", sld("<LineSymbolizer><Stroke>\n"
                + "<CssParameter name=\"stroke-width\">thick</CssParameter>\n</Stroke></LineSymbolizer>"));
        StyleException e = assertThrows(StyleException.class, () -> SldReader.read(f));
        assertEquals(3, e.line());
        assertEquals("style.error.number", e.key());
        assertTrue(e.getMessage().contains("\"thick\" is not a number"), e.getMessage());
        assertTrue(e.getMessage().contains("stroke-width"), e.getMessage());
    }

    @Test
    void badColourAndBadScaleAreErrors() throws Exception {
        Path colour = write("colour.sld", sld("<PolygonSymbolizer><Fill>"
                + "<CssParameter name=\"fill\">green</CssParameter></Fill></PolygonSymbolizer>"));
        assertEquals("style.error.colour", assertThrows(StyleException.class, () -> SldReader.read(colour)).key());
        Path scale = write("scale.sld", sld("<MaxScaleDenominator>1:5000</MaxScaleDenominator>"));
        assertEquals("style.error.number", assertThrows(StyleException.class, () -> SldReader.read(scale)).key());
    }

    @Test
    void missingFileIsAStyleException() {
        StyleException e = assertThrows(StyleException.class, () -> SldReader.read(dir.resolve("none.sld")));
        assertEquals("style.error.missing", e.key());
    }

    @Test
    void unsupportedElementsAreReportedOncePerKindAndTheRestIsUsed() throws Exception {
        Path f = resource("unsupported.sld");
        SldDocument doc = SldReader.read(f);
        LayerStyle style = doc.layers().get(0);
        assertEquals(3, style.rules().size(), "no rule is dropped");
        for (Rule r : style.rules()) {
            assertInstanceOf(PointSymbolizer.class, r.symbolizers().get(0));
        }
        List<StyleWarning> external = doc.warnings().stream()
                .filter(w -> w.details().equals(List.of("ExternalGraphic"))).toList();
        assertEquals(1, external.size(), doc.warnings()::toString);
        assertEquals(2, external.get(0).occurrences());
        assertEquals(11, external.get(0).line(), "the first occurrence");
        assertTrue(external.get(0).message().contains("<ExternalGraphic> is not supported and was ignored (2 times)"),
                external.get(0).message());
        assertTrue(has(doc, "style.warning.mark", "diamond"));
        assertTrue(has(doc, "style.warning.unsupportedFilter", "DWithin"));
        assertTrue(has(doc, "style.warning.unsupported", "RasterSymbolizer"));
        assertTrue(has(doc, "style.warning.dataDefined", "Size"));
        assertEquals(5, doc.warnings().size(), doc.warnings()::toString);

        Rule diamond = style.rules().get(1);
        assertEquals(WellKnownMark.SQUARE, ((PointSymbolizer) diamond.symbolizers().get(0)).graphic().mark().shape());
        Rule near = style.rules().get(2);
        assertFalse(near.filter().test(Feature.create(null, Fixtures.attrs())), "an unsupported filter matches nothing");
        assertEquals(Graphic.DEFAULT_SIZE, ((PointSymbolizer) near.symbolizers().get(0)).graphic().size());
    }

    private static boolean has(SldDocument doc, String key, String detail) {
        return doc.warnings().stream().anyMatch(w -> w.key().equals(key) && w.details().contains(detail));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String sld(String ruleContent) {
        return "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\">\n"
                + "<NamedLayer><Name>x</Name><UserStyle><FeatureTypeStyle><Rule>" + ruleContent
                + "</Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>\n";
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(SldReaderTest.class.getResource(name).toURI());
    }

    private static Feature street(String name, String cls, String renewed, Double width) {
        return Feature.create(null, Fixtures.attrs("name", name, "class", cls, "surface_renewed", renewed,
                "width_m", width));
    }

    private static Feature site(String status, double area) {
        return Feature.create(null, Fixtures.attrs("status", status, "area_ha", area));
    }
}
