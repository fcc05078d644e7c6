package de.trassenwerk.coverage;

/**
 * One coverage cell over a commercial site and how much of the site it covers. Immutable.
 *
 * @param fid          the cell's feature id in {@code coverage_cells}
 * @param cellId       the INSPIRE cell id {@code cell_id} (null when the file has no such field)
 * @param maxDownMbps  {@code max_down_mbps}; null when not stated
 * @param households   {@code households}; null when not stated
 * @param shareGigabit {@code share_gigabit}; null when not stated
 * @param overlapM2    the area of the cell's intersection with the site, in square metres (always &gt; 0)
 */
public record CellOverlap(long fid, String cellId, Integer maxDownMbps, Long households, Double shareGigabit,
        double overlapM2) {

    /** Whether the cell counts for the gigabit share: it has households and states a share. */
    public boolean hasHouseholds() {
        return households != null && households > 0 && shareGigabit != null;
    }
}
