/**
 * GeoJSON (RFC 7946 and the 2008 form with {@code crs}) read as a stream with Jackson's parser.
 * Entry point: {@link de.trassenwerk.io.geojson.GeoJsonSource}.
 */
package de.trassenwerk.io.geojson;
