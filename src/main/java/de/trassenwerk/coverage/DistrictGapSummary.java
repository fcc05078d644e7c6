package de.trassenwerk.coverage;

/**
 * The commercial sites of one district and how many of them are under-served. Immutable.
 *
 * @param district         the district's name; null for the sites that lie in no district
 * @param sites            commercial sites whose largest part lies in the district
 * @param underservedSites of which under-served (including those without coverage)
 * @param underservedHa    the sum of the under-served sites' {@link SiteGap#areaHa()}
 */
public record DistrictGapSummary(String district, int sites, int underservedSites, double underservedHa) {
}
