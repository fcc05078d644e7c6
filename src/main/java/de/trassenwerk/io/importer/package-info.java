/**
 * The import of one source layer into one GeoPackage layer, all or nothing: opening sources by
 * path or URL ({@link de.trassenwerk.io.importer.Sources}), settings, the import itself
 * ({@link de.trassenwerk.io.importer.LayerImport}) and its report. Used by the import command and
 * the import wizard alike.
 */
package de.trassenwerk.io.importer;
