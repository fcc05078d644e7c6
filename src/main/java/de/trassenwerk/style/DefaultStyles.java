package de.trassenwerk.style;

import de.trassenwerk.store.ThemeLayers;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in look of each layer, used when it has no SLD file or its SLD cannot be read:
 * outlines for the administrative areas, translucent classified fills for coverage, sites and
 * works, grey streets by class, strong colours for the network, a neutral grey for any other
 * layer (areas, lines and points each with their own rule). Classified layers draw their else rule first and the listed values in order on top.
 * Stateless; any thread.
 */
public final class DefaultStyles {
    private DefaultStyles() {
    }

    /** The default style of a layer, by name; a neutral style for layers that are not theme layers. */
    public static LayerStyle forLayer(String layerName) {
        return switch (layerName) {
            case ThemeLayers.DISTRICTS -> single(layerName, area(null, rgb(0x2b2b2b), 2));
            case ThemeLayers.QUARTERS -> single(layerName,
                    PolygonSymbolizer.of(null, Stroke.solid(rgb(0x8a8a8a), 0.8).dashed(4, 2)));
            case ThemeLayers.COVERAGE_CELLS -> coverage();
            case ThemeLayers.WATER -> single(layerName, area(rgb(0xa9d3f0), rgb(0x6a9fcc), 1));
            case ThemeLayers.LAND_USE_PLANS -> single(layerName, area(rgba(0x9b6ad6, 60), rgb(0x7a3fa8), 1.5));
            case ThemeLayers.COMMERCIAL_SITES -> commercialSites();
            case ThemeLayers.STREETS -> streets();
            case ThemeLayers.CONSTRUCTION_SITES -> constructionSites();
            case ThemeLayers.CONDUITS -> conduits();
            case ThemeLayers.PLANNED_ROUTES -> single(layerName,
                    LineSymbolizer.of(Stroke.solid(rgba(0x1f5fd0, 230), 3.5).dashed(10, 5)));
            case ThemeLayers.COORDINATION_FINDINGS -> single(layerName, line(rgba(0xe0162b, 210), 4));
            case ThemeLayers.NETWORK_NODES -> networkNodes();
            case ThemeLayers.REVIEW_NOTES -> single(layerName,
                    point(WellKnownMark.CIRCLE, 9, rgb(0xffd92f), rgb(0x4d4d4d)));
            default -> LayerStyle.of(layerName,
                    Rule.of("areas", "Areas", area(rgba(0x808080, 80), rgb(0x505050), 1))
                            .where(new Filter.GeometryDimension(2)),
                    Rule.of("lines", "Lines", line(rgb(0x505050), 1.2)).where(new Filter.GeometryDimension(1)),
                    Rule.of("points", "Points", point(WellKnownMark.CIRCLE, 6, rgba(0x808080, 160), rgb(0x505050)))
                            .where(new Filter.GeometryDimension(0)));
        };
    }

    private static LayerStyle coverage() {
        int a = 110;
        return classified(ThemeLayers.COVERAGE_CELLS, "technology", area(rgba(0xb0b0b0, a), null, 0),
                "none", area(rgba(0xd7191c, a), null, 0),
                "ADSL", area(rgba(0xfc8d3c, a), null, 0),
                "VDSL", area(rgba(0xf5d33a, a), null, 0),
                "DOCSIS", area(rgba(0x3a7dc9, a), null, 0),
                "FTTB", area(rgba(0x7fc26b, a), null, 0),
                "FTTH", area(rgba(0x1a8f4a, a), null, 0));
    }

    private static LayerStyle commercialSites() {
        return classified(ThemeLayers.COMMERCIAL_SITES, "status", area(rgba(0xcccccc, 150), rgb(0x666666), 1),
                "sold", area(rgba(0x9e9e9e, 150), rgb(0x5e5e5e), 1),
                "reserved", area(rgba(0xffb000, 160), rgb(0xa86b00), 1),
                "available", area(rgba(0x2ca25f, 170), rgb(0x11643a), 1.2));
    }

    private static LayerStyle streets() {
        return classified(ThemeLayers.STREETS, "class", line(rgb(0x9a9a9a), 1),
                "service", line(rgb(0xb4b4b4), 0.8),
                "residential", line(rgb(0x9a9a9a), 1),
                "secondary", line(rgb(0x6e6e6e), 2),
                "primary", line(rgb(0x4a4a4a), 3));
    }

    private static LayerStyle constructionSites() {
        return classified(ThemeLayers.CONSTRUCTION_SITES, "status", area(rgba(0xfdb863, 150), rgb(0xc26a00), 1),
                "done", area(rgba(0xc9a58a, 90), rgba(0x8c6d57, 160), 0.8),
                "planned", area(rgba(0xfdb863, 170), rgb(0xc26a00), 1),
                "approved", area(rgba(0xf46d43, 180), rgb(0xb2361a), 1),
                "active", area(rgba(0xd7191c, 200), rgb(0x8b0000), 1.2));
    }

    private static LayerStyle conduits() {
        return classified(ThemeLayers.CONDUITS, "status", line(rgba(0xb0127f, 190), 1.5),
                "existing", line(rgba(0xb0127f, 190), 1.5),
                "planned", LineSymbolizer.of(Stroke.solid(rgb(0xe05cb8), 1.5).dashed(6, 3)),
                "under_construction", LineSymbolizer.of(Stroke.solid(rgb(0xff00aa), 2).dashed(3, 1.5)));
    }

    private static LayerStyle networkNodes() {
        return classified(ThemeLayers.NETWORK_NODES, "kind", point(WellKnownMark.CIRCLE, 6, rgb(0x808080), rgb(0x333333)),
                "manhole", point(WellKnownMark.CIRCLE, 5, rgb(0xdddddd), rgb(0x444444)),
                "cabinet", point(WellKnownMark.SQUARE, 5, rgb(0xf2c6e6), rgb(0x8a0f63)),
                "PoP", point(WellKnownMark.SQUARE, 10, rgb(0x1f3fa0), rgb(0xffffff)));
    }

    private static LayerStyle single(String layer, Symbolizer... symbolizers) {
        return LayerStyle.of(layer, Rule.of("default", "", symbolizers));
    }

    /**
     * An else rule ("other") drawn first, then one rule per value of {@code field}: value, symbolizer,
     * value, symbolizer, ... in drawing order.
     */
    private static LayerStyle classified(String layer, String field, Symbolizer otherwise, Object... valueSymbolizer) {
        List<Rule> rules = new ArrayList<>();
        rules.add(Rule.of("other", "Other", otherwise).asElse());
        for (int i = 0; i + 1 < valueSymbolizer.length; i += 2) {
            String value = (String) valueSymbolizer[i];
            rules.add(Rule.of(value, value, (Symbolizer) valueSymbolizer[i + 1]).where(new Filter.Comparison(
                    Filter.Operator.EQUAL_TO, new Expression.PropertyName(field), new Expression.Literal(value), true)));
        }
        return new LayerStyle(layer, "", List.of(new FeatureTypeStyle("", rules)));
    }

    private static PolygonSymbolizer area(Color fill, Color stroke, double width) {
        return PolygonSymbolizer.of(fill == null ? null : new Fill(fill),
                stroke == null || width <= 0 ? null : Stroke.solid(stroke, width));
    }

    private static LineSymbolizer line(Color colour, double width) {
        return LineSymbolizer.of(Stroke.solid(colour, width));
    }

    private static PointSymbolizer point(WellKnownMark shape, double size, Color fill, Color outline) {
        return new PointSymbolizer(new Graphic(new Mark(shape, new Fill(fill), Stroke.solid(outline, 1)), size, 0, 1),
                Uom.PIXEL);
    }

    private static Color rgb(int rgb) {
        return new Color(rgb);
    }

    private static Color rgba(int rgb, int alpha) {
        return new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
    }
}
