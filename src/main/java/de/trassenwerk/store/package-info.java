/**
 * Where features live. {@link de.trassenwerk.store.FeatureStore} is the interface the analyses and
 * views use; {@link de.trassenwerk.store.GeoPackageStore} implements it on GeoPackage files (plain
 * JDBC on SQLite, R-tree spatial index, one transaction per change set, optimistic locking through
 * the {@code version} column), {@link de.trassenwerk.store.GeoPackageValidator} checks files against
 * the OGC GeoPackage rules. Depends on JTS, SQLite JDBC and {@code crs}; never on JavaFX.
 */
package de.trassenwerk.store;
