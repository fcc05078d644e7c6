/**
 * Coordinate systems and transforms: the EPSG systems Trassenwerk knows (with the WKT written into
 * GeoPackages) and transforms between them. Depends on JTS and NGA's proj; no JavaFX.
 * Entry points: {@link de.trassenwerk.crs.SpatialReferences}, {@link de.trassenwerk.crs.CoordinateTransform}.
 */
package de.trassenwerk.crs;
