package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.routing.CostClasses;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import javafx.scene.paint.Color;

/**
 * How the route planner shows a cost class ({@link CostClasses}): its colour, the same on the map, in the
 * legend and in the breakdown, and its name in the user's language. Free ducts green, co-laying blue, new
 * trenches in oranges from dark (primary roads) to light (service roads), a trench under moratorium
 * magenta, the connection to a plot grey. Stateless; any thread.
 */
final class CostClassStyle {
    private static final int[] UNKNOWN_TRENCH = {241, 105, 19};
    private static final Map<String, int[]> RGB = Map.of(
            CostClasses.DUCT_REUSE, new int[] {26, 152, 80},
            CostClasses.CO_LAYING, new int[] {33, 102, 172},
            CostClasses.SITE_CONNECTION, new int[] {99, 99, 99},
            CostClasses.MORATORIUM_TRENCH, new int[] {197, 27, 125},
            CostClasses.trench("primary"), new int[] {140, 45, 4},
            CostClasses.trench("secondary"), new int[] {217, 72, 1},
            CostClasses.trench("residential"), new int[] {253, 141, 60},
            CostClasses.trench("service"), new int[] {253, 190, 133});

    private CostClassStyle() {
    }

    private static int[] rgb(String costClass) {
        int[] c = RGB.get(costClass);
        return c != null ? c : UNKNOWN_TRENCH;
    }

    /** The class's colour for the map. */
    static java.awt.Color awt(String costClass) {
        int[] c = rgb(costClass);
        return new java.awt.Color(c[0], c[1], c[2]);
    }

    /** The class's colour for the panel. */
    static Color fx(String costClass) {
        int[] c = rgb(costClass);
        return Color.rgb(c[0], c[1], c[2]);
    }

    /** The class's name, e.g. "Open trench (residential street)" or "Offener Graben (Wohnstraße)". */
    static String label(String costClass) {
        if (costClass.startsWith(CostClasses.TRENCH_PREFIX)) {
            String street = costClass.substring(CostClasses.TRENCH_PREFIX.length());
            return Messages.get("ui.route.class.trench", streetClass(street));
        }
        return known("ui.route.class." + costClass, costClass);
    }

    private static String streetClass(String name) {
        return known("ui.route.street." + name.toLowerCase(Locale.ROOT), name);
    }

    private static String known(String key, String fallback) {
        try {
            return Messages.bundle().getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
