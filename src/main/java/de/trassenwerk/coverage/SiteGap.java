package de.trassenwerk.coverage;

import org.locationtech.jts.geom.Geometry;

/**
 * The coverage of one commercial site. Immutable.
 *
 * @param fid          the site's feature id in {@code commercial_sites}
 * @param siteNo       {@code site_no}
 * @param name         {@code name}
 * @param district     the district holding the largest part of the site's area; null when none overlaps it
 * @param quarter      the quarter holding the largest part of the site's area; null when none overlaps it
 * @param areaHa       {@code area_ha} as registered, or the geometry's area in hectares where that is empty
 * @param status       the site's marketing status {@code status} ({@code available}, {@code reserved},
 *                     {@code sold}), as stored
 * @param bestMbps     the highest {@code max_down_mbps} of the coverage cells overlapping the site; null when
 *                     no cell with a speed overlaps it
 * @param gigabitShare the area-weighted mean {@code share_gigabit} of the overlapping cells that have
 *                     households (0..1); null when none of them has
 * @param underserved  whether {@code bestMbps} is below the run's threshold or null
 * @param geometry     the site's area in the project CRS, EPSG:25832 (ETRS89 / UTM 32N)
 */
public record SiteGap(long fid, String siteNo, String name, String district, String quarter, double areaHa,
        String status, Integer bestMbps, Double gigabitShare, boolean underserved, Geometry geometry) {

    /**
     * Served, under-served (covered too slowly) or without coverage (no cell with a speed overlaps the site,
     * or the best speed is 0 Mbit/s: technology {@code none}).
     */
    public GapStatus gapStatus() {
        if (!underserved) {
            return GapStatus.SERVED;
        }
        return bestMbps == null || bestMbps <= 0 ? GapStatus.NO_COVERAGE : GapStatus.UNDERSERVED;
    }
}
