package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.style.Expression;
import de.trassenwerk.style.Fill;
import de.trassenwerk.style.FeatureTypeStyle;
import de.trassenwerk.style.Graphic;
import de.trassenwerk.style.LayerStyle;
import de.trassenwerk.style.LineSymbolizer;
import de.trassenwerk.style.Mark;
import de.trassenwerk.style.PointSymbolizer;
import de.trassenwerk.style.PolygonSymbolizer;
import de.trassenwerk.style.Rule;
import de.trassenwerk.style.Stroke;
import de.trassenwerk.style.StyleLibrary;
import de.trassenwerk.style.TextSymbolizer;
import de.trassenwerk.style.Uom;
import de.trassenwerk.style.WellKnownMark;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Legend entries and their icons, drawn from the rules. */
class LegendTest {
    private static final int SIZE = 16;

    @Test
    void polygonRuleIconHasTheFillColourInItsCentre() {
        LayerStyle style = LayerStyle.of("parcels", Rule.of("open", "Open parcel",
                PolygonSymbolizer.of(new Fill(new Color(0x1b9e77)), Stroke.solid(Color.BLACK, 1))));
        List<LegendEntry> legend = Legend.entries("parcels", style);
        assertEquals(1, legend.size());
        LegendEntry e = legend.get(0);
        assertEquals("Open parcel", e.title());
        assertEquals(SIZE, e.size());
        assertEquals(0xFF1B9E77, centre(e));
        assertEquals(0xFF000000, e.argb()[SIZE * 8 + 1] | 0xFF000000, "the outline on the left edge");
        assertEquals(0, e.argb()[0] >>> 24, "the corner stays transparent");
    }

    @Test
    void lineAndMarkIconsShowTheirColours() {
        LayerStyle style = LayerStyle.of("network",
                Rule.of("duct", "Duct", LineSymbolizer.of(Stroke.solid(new Color(0xe6007e), 3))),
                Rule.of("pop", "PoP", new PointSymbolizer(new Graphic(new Mark(WellKnownMark.CIRCLE,
                        new Fill(new Color(0x1f3f8f)), null), 10, 0, 1), Uom.PIXEL)));
        List<LegendEntry> legend = Legend.entries("network", style);
        assertEquals(0xFFE6007E, centre(legend.get(0)));
        assertEquals(0, legend.get(0).argb()[2 * SIZE + 8] >>> 24, "a line leaves the top free");
        assertEquals(0xFF1F3F8F, centre(legend.get(1)));
    }

    @Test
    void labelRulesAreLeftOutAndRulesOfOneNameMakeOneEntry() {
        Rule casing = Rule.of("primary", "Primary road", LineSymbolizer.of(Stroke.solid(Color.DARK_GRAY, 6))).between(0, 40000);
        Rule fill = Rule.of("primary", "", LineSymbolizer.of(Stroke.solid(Color.ORANGE, 3))).between(0, 40000);
        Rule small = Rule.of("primary", "", LineSymbolizer.of(Stroke.solid(Color.RED, 2))).between(40000, Double.POSITIVE_INFINITY);
        Rule names = Rule.of("names", "Names", new TextSymbolizer(new Expression.PropertyName("name"), null, null, null,
                null, null, null));
        LayerStyle style = new LayerStyle("roads", "", List.of(new FeatureTypeStyle("", List.of(casing)),
                new FeatureTypeStyle("", List.of(fill, small, names))));
        List<LegendEntry> legend = Legend.entries("roads", style);
        assertEquals(1, legend.size());
        LegendEntry e = legend.get(0);
        assertEquals("Primary road", e.title());
        assertEquals(0, e.minScale());
        assertEquals(Double.POSITIVE_INFINITY, e.maxScale());
        assertEquals(Color.ORANGE.getRGB(), centre(e), "the fill on the casing, as at large scales");
        assertEquals(Color.DARK_GRAY.getRGB(), e.argb()[5 * SIZE + 8], "casing above the fill");
        assertTrue(e.shownAt(1_000_000));
    }

    @Test
    void germanLegendTitlesComeFromTheMessages() {
        LayerStyle style = StyleLibrary.load(Path.of("styles")).styleFor(ThemeLayers.STREETS);
        Locale before = Messages.locale();
        try {
            Messages.setLocale(Locale.GERMAN);
            assertEquals("Hauptverkehrsstraße", Legend.entries(ThemeLayers.STREETS, style).get(0).title());
            Messages.setLocale(Locale.ENGLISH);
            assertEquals("Primary road", Legend.entries(ThemeLayers.STREETS, style).get(0).title());
        } finally {
            Messages.setLocale(before);
        }
    }

    @Test
    void everyLegendEntryOfTheProjectStylesIsTranslated() {
        StyleLibrary lib = StyleLibrary.load(Path.of("styles"));
        for (LayerSchema theme : ThemeLayers.all()) {
            for (Rule r : lib.styleFor(theme.name()).rules()) {
                if (r.symbolizers().stream().allMatch(s -> s instanceof TextSymbolizer)) {
                    continue;
                }
                String key = "style." + theme.name() + "." + r.name();
                assertNotEquals(key, Messages.format(Locale.GERMAN, key), "German legend title " + key);
                assertNotEquals(key, Messages.format(Locale.ENGLISH, key), "English legend title " + key);
            }
        }
    }

    private static int centre(LegendEntry e) {
        return e.argb()[(SIZE / 2) * SIZE + SIZE / 2];
    }
}
