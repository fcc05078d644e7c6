/**
 * The sample city of Duisburg: a deterministic generator of every theme layer
 * ({@link de.trassenwerk.sample.SampleCityGenerator}) and the writer that puts it, or many copies
 * of it for benchmarks, into a GeoPackage ({@link de.trassenwerk.sample.SampleCityWriter}).
 * Depends on {@code store}, {@code crs}, JTS and JGraphT; no JavaFX.
 */
package de.trassenwerk.sample;
