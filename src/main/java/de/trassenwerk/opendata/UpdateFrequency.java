package de.trassenwerk.opendata;

/**
 * How often a dataset is updated, as the EU frequency vocabulary names it (DCAT-AP.de
 * {@code dct:accrualPeriodicity}), with the ISO 8601 repeating interval that Project Open Data 1.1
 * ({@code data.json}) uses for the same thing.
 */
public enum UpdateFrequency {
    CONT("R/PT1S"), DAILY("R/P1D"), WEEKLY("R/P1W"), MONTHLY("R/P1M"), QUARTERLY("R/P3M"), ANNUAL("R/P1Y"),
    IRREG("irregular"), NEVER(null), UNKNOWN(null);

    private static final String BASE = "http://publications.europa.eu/resource/authority/frequency/";
    private final String iso;

    UpdateFrequency(String iso) {
        this.iso = iso;
    }

    public String uri() {
        return BASE + name();
    }

    /** The {@code accrualPeriodicity} of data.json; null where that vocabulary has no word for it. */
    public String podPeriodicity() {
        return iso;
    }
}
