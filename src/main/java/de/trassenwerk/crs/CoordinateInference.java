package de.trassenwerk.crs;

import de.trassenwerk.i18n.Messages;
import java.util.Optional;

/**
 * Guesses the coordinate system of coordinates that come without one (CSV files) from their value
 * ranges, the way a GIS person would read them: degrees within ±180/±90 are WGS 84; eastings
 * 2 xxx xxx with northings 5–6 million are Gauss-Krüger zone 2 (EPSG:31466), 3 xxx xxx zone 3
 * (31467); 32 xxx xxx is UTM 32N with the zone prefix (4647); six-digit eastings with seven-digit
 * northings are UTM 32N (25832); eastings 4 xxx xxx with northings 2.5–3.7 million are the LAEA
 * grid (3035). Coordinates that fit none, or span two, are not inferred. Pure, thread-safe.
 */
public final class CoordinateInference {

    /** An inferred system and the reason, in the user's language. */
    public record Inferred(int epsg, String reason) {
    }

    private record Rule(int epsg, double minX, double maxX, double minY, double maxY, String reasonKey) {
        boolean holds(double x0, double x1, double y0, double y1) {
            return x0 >= minX && x1 < maxX && y0 >= minY && y1 < maxY;
        }
    }

    private static final Rule[] RULES = {
        new Rule(SpatialReferences.WGS84, -180, 180.000001, -90, 90.000001, "crs.inferred.degrees"),
        new Rule(SpatialReferences.GK2, 2_000_000, 3_000_000, 5_000_000, 6_200_000, "crs.inferred.gk2"),
        new Rule(SpatialReferences.GK3, 3_000_000, 4_000_000, 5_000_000, 6_200_000, "crs.inferred.gk3"),
        new Rule(SpatialReferences.UTM32_ZONE_PREFIX, 32_000_000, 33_000_000, 0, 10_000_000, "crs.inferred.zonePrefix"),
        new Rule(SpatialReferences.PROJECT_SRS, 100_000, 1_000_000, 1_000_000, 10_000_000, "crs.inferred.utm"),
        new Rule(SpatialReferences.LAEA_EUROPE, 4_000_000, 5_000_000, 2_500_000, 3_700_000, "crs.inferred.laea"),
    };

    private CoordinateInference() {
    }

    /** The system all coordinates within these ranges fit, with the reason; empty when none or ambiguous. */
    public static Optional<Inferred> fromRanges(double minX, double maxX, double minY, double maxY) {
        Rule found = null;
        for (Rule r : RULES) {
            if (r.holds(minX, maxX, minY, maxY)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = r;
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        String name = SpatialReferences.epsg(found.epsg).map(SpatialReference::name).orElse("");
        return Optional.of(new Inferred(found.epsg, Messages.get("crs.inferred", "EPSG:" + found.epsg, name,
                Messages.get(found.reasonKey, range(minX, maxX), range(minY, maxY)))));
    }

    private static String range(double min, double max) {
        return String.format(java.util.Locale.ROOT, "%.2f\u2013%.2f", min, max);
    }
}
