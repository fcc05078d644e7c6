package de.trassenwerk.coverage;

/**
 * The settings of one coverage-gap run. Immutable.
 *
 * @param thresholdMbps a site whose best download speed (Mbit/s) is below this is under-served; default
 *                      {@value #DEFAULT_THRESHOLD_MBPS} (gigabit)
 */
public record GapParameters(int thresholdMbps) {
    /** The gigabit threshold of the federal funding programmes. */
    public static final int DEFAULT_THRESHOLD_MBPS = 1000;
    /** The largest threshold accepted (100 Gbit/s). */
    public static final int MAX_THRESHOLD_MBPS = 100_000;
    /** The defaults. */
    public static final GapParameters DEFAULT = new GapParameters(DEFAULT_THRESHOLD_MBPS);

    public GapParameters {
        if (thresholdMbps < 1 || thresholdMbps > MAX_THRESHOLD_MBPS) {
            throw new CoverageException("coverage.error.threshold", thresholdMbps, MAX_THRESHOLD_MBPS);
        }
    }
}
