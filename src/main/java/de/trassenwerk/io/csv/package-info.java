/**
 * CSV files with coordinates: encoding, dialect, decimal mark, geometry columns and field types
 * detected, the coordinate system from column names or value ranges. Entry point:
 * {@link de.trassenwerk.io.csv.CsvSource}.
 */
package de.trassenwerk.io.csv;
