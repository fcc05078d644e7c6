/**
 * Feature layers of GeoPackages from anyone (QGIS, GDAL) as import sources, through the store.
 * Entry point: {@link de.trassenwerk.io.geopackage.GeoPackageDataset}.
 */
package de.trassenwerk.io.geopackage;
