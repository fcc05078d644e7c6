package de.trassenwerk.io.importer;

/** What to do with features whose geometry is invalid (OGC simple-features rules, JTS IsValidOp). */
public enum InvalidGeometries {
    /** The import fails and lists every invalid feature. */
    FAIL,
    /** Each invalid geometry is repaired with JTS {@code GeometryFixer}; the repaired ones are counted. */
    REPAIR,
    /** Invalid and unreadable features are left out and listed in the report. */
    SKIP
}
