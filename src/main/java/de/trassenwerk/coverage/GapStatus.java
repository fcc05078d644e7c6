package de.trassenwerk.coverage;

/** How well a commercial site is served, as the map and the table colour it. */
public enum GapStatus {
    /** The best speed of the cells over the site reaches the threshold. */
    SERVED("served"),
    /** Cells cover the site, but none reaches the threshold. */
    UNDERSERVED("underserved"),
    /** No coverage cell with a speed overlaps the site, or the best is 0 Mbit/s (technology {@code none}). */
    NO_COVERAGE("no_coverage");

    private final String key;

    GapStatus(String key) {
        this.key = key;
    }

    /** The name in files and message keys: {@code served}, {@code underserved}, {@code no_coverage}. */
    public String key() {
        return key;
    }
}
