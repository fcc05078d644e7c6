package de.trassenwerk.opendata;

/**
 * How many features of a dataset's source were read, published, and left out — by the row
 * conditions, as restricted, or (when generalised to areas) because no area holds them. Immutable.
 */
public record DatasetCounts(long read, long published, long filteredByRows, long restricted, long outsideAreas) {
}
