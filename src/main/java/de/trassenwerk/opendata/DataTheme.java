package de.trassenwerk.opendata;

/**
 * The EU data themes (the Publications Office's data-theme vocabulary) that DCAT-AP.de requires for
 * {@code dcat:theme}, by their codes.
 */
public enum DataTheme {
    AGRI, ECON, EDUC, ENER, ENVI, GOVE, HEAL, INTR, JUST, REGI, SOCI, TECH, TRAN;

    private static final String BASE = "http://publications.europa.eu/resource/authority/data-theme/";

    public String uri() {
        return BASE + name();
    }
}
