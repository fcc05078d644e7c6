package de.trassenwerk.io.importer;

/** What to do when the target layer exists already. */
public enum WriteMode {
    /** The layer must not exist yet: an existing one is an error. */
    CREATE,
    /** Add the features to the existing layer. */
    APPEND,
    /** Replace the existing layer (its schema too) with the imported one. */
    OVERWRITE,
    /** Match features by a key field: update changed ones, add new ones, report the ones that disappeared. */
    UPDATE
}
