/**
 * A small shapefile reader of our own ({@code .shp}, {@code .dbf}, {@code .prj}, {@code .cpg}):
 * no shapefile library on Maven Central was trusted for it. Tested against files written by GDAL.
 * Entry point: {@link de.trassenwerk.io.shapefile.ShapefileSource}.
 */
package de.trassenwerk.io.shapefile;
