package de.trassenwerk.render;

import de.trassenwerk.render.Symbol.Marker;
import de.trassenwerk.store.ThemeLayers;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A readable default look for each theme layer, used until a layer has an SLD style: outlines for
 * the administrative areas, translucent classified fills for coverage, sites and works, grey streets
 * by class, strong colours for the network. Any other layer gets a neutral grey. Stateless; any
 * thread.
 */
public final class DefaultStyles {
    private static final Color NO_COLOUR = null;

    private DefaultStyles() {
    }

    /** The default style of a layer, by name; a neutral style for layers that are not theme layers. */
    public static LayerStyle forLayer(String layerName) {
        return switch (layerName) {
            case ThemeLayers.DISTRICTS -> LayerStyle.single(Symbol.area(NO_COLOUR, rgb(0x2b2b2b), 2f));
            case ThemeLayers.QUARTERS -> LayerStyle.single(Symbol.area(NO_COLOUR, rgb(0x8a8a8a), 0.8f).dashed(4));
            case ThemeLayers.COVERAGE_CELLS -> coverage();
            case ThemeLayers.WATER -> LayerStyle.single(Symbol.area(rgb(0xa9d3f0), rgb(0x6a9fcc), 1f));
            case ThemeLayers.LAND_USE_PLANS -> LayerStyle.single(Symbol.area(rgba(0x9b6ad6, 60), rgb(0x7a3fa8), 1.5f));
            case ThemeLayers.COMMERCIAL_SITES -> commercialSites();
            case ThemeLayers.STREETS -> streets();
            case ThemeLayers.CONSTRUCTION_SITES -> constructionSites();
            case ThemeLayers.CONDUITS -> conduits();
            case ThemeLayers.PLANNED_ROUTES -> LayerStyle.single(Symbol.line(rgba(0x1f5fd0, 230), 3.5f).dashed(10));
            case ThemeLayers.COORDINATION_FINDINGS -> LayerStyle.single(Symbol.line(rgba(0xe0162b, 210), 4f));
            case ThemeLayers.NETWORK_NODES -> networkNodes();
            case ThemeLayers.REVIEW_NOTES -> LayerStyle.single(Symbol.point(Marker.CIRCLE, 9, rgb(0xffd92f),
                    rgb(0x4d4d4d)));
            default -> LayerStyle.single(new Symbol(rgba(0x808080, 80), rgb(0x505050), 1f, 0, 6, Marker.CIRCLE));
        };
    }

    private static LayerStyle coverage() {
        int a = 110;
        Map<String, Symbol> m = new LinkedHashMap<>();
        m.put("none", Symbol.area(rgba(0xd7191c, a), null, 0));
        m.put("ADSL", Symbol.area(rgba(0xfc8d3c, a), null, 0));
        m.put("VDSL", Symbol.area(rgba(0xf5d33a, a), null, 0));
        m.put("DOCSIS", Symbol.area(rgba(0x3a7dc9, a), null, 0));
        m.put("FTTB", Symbol.area(rgba(0x7fc26b, a), null, 0));
        m.put("FTTH", Symbol.area(rgba(0x1a8f4a, a), null, 0));
        return LayerStyle.byValue("technology", Symbol.area(rgba(0xb0b0b0, a), null, 0), m);
    }

    private static LayerStyle commercialSites() {
        Map<String, Symbol> m = new LinkedHashMap<>();
        m.put("sold", Symbol.area(rgba(0x9e9e9e, 150), rgb(0x5e5e5e), 1f));
        m.put("reserved", Symbol.area(rgba(0xffb000, 160), rgb(0xa86b00), 1f));
        m.put("available", Symbol.area(rgba(0x2ca25f, 170), rgb(0x11643a), 1.2f));
        return LayerStyle.byValue("status", Symbol.area(rgba(0xcccccc, 150), rgb(0x666666), 1f), m);
    }

    private static LayerStyle streets() {
        Map<String, Symbol> m = new LinkedHashMap<>();
        m.put("service", Symbol.line(rgb(0xb4b4b4), 0.8f));
        m.put("residential", Symbol.line(rgb(0x9a9a9a), 1f));
        m.put("secondary", Symbol.line(rgb(0x6e6e6e), 2f));
        m.put("primary", Symbol.line(rgb(0x4a4a4a), 3f));
        return LayerStyle.byValue("class", Symbol.line(rgb(0x9a9a9a), 1f), m);
    }

    private static LayerStyle constructionSites() {
        Map<String, Symbol> m = new LinkedHashMap<>();
        m.put("done", Symbol.area(rgba(0xc9a58a, 90), rgba(0x8c6d57, 160), 0.8f));
        m.put("planned", Symbol.area(rgba(0xfdb863, 170), rgb(0xc26a00), 1f));
        m.put("approved", Symbol.area(rgba(0xf46d43, 180), rgb(0xb2361a), 1f));
        m.put("active", Symbol.area(rgba(0xd7191c, 200), rgb(0x8b0000), 1.2f));
        return LayerStyle.byValue("status", Symbol.area(rgba(0xfdb863, 150), rgb(0xc26a00), 1f), m);
    }

    private static LayerStyle conduits() {
        Map<String, Symbol> m = new LinkedHashMap<>();
        m.put("existing", Symbol.line(rgba(0xb0127f, 190), 1.5f));
        m.put("planned", Symbol.line(rgb(0xe05cb8), 1.5f).dashed(6));
        m.put("under_construction", Symbol.line(rgb(0xff00aa), 2f).dashed(3));
        return LayerStyle.byValue("status", Symbol.line(rgba(0xb0127f, 190), 1.5f), m);
    }

    private static LayerStyle networkNodes() {
        Map<String, Symbol> m = new LinkedHashMap<>();
        m.put("manhole", Symbol.point(Marker.CIRCLE, 5, rgb(0xdddddd), rgb(0x444444)));
        m.put("cabinet", Symbol.point(Marker.SQUARE, 5, rgb(0xf2c6e6), rgb(0x8a0f63)));
        m.put("PoP", Symbol.point(Marker.SQUARE, 10, rgb(0x1f3fa0), rgb(0xffffff)));
        return LayerStyle.byValue("kind", Symbol.point(Marker.CIRCLE, 6, rgb(0x808080), rgb(0x333333)), m);
    }

    private static Color rgb(int rgb) {
        return new Color(rgb);
    }

    private static Color rgba(int rgb, int alpha) {
        return new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
    }
}
