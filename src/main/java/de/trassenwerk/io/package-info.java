/**
 * Getting data in: sources of features (files and services) read as streams, each feature with
 * the position it came from, and the import of one source layer into a GeoPackage layer. No
 * JavaFX; depends on store, crs and i18n. Entry points: {@link de.trassenwerk.io.FeatureSource}
 * (one layer: schema and a {@link de.trassenwerk.io.FeatureCursor}),
 * {@link de.trassenwerk.io.Dataset} (a source with layers) and, for whole imports,
 * {@link de.trassenwerk.io.importer.Sources} and {@link de.trassenwerk.io.importer.LayerImport}.
 */
package de.trassenwerk.io;
