package de.trassenwerk.opendata;

/**
 * The areas geometries are generalised to and aggregates are counted in: a polygon layer of the
 * same GeoPackage (the quarters, by default) with the fields naming each area. Immutable.
 */
public record AreaLayer(String layer, String codeField, String nameField) {
}
