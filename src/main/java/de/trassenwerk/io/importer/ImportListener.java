package de.trassenwerk.io.importer;

/**
 * Hears how far an import is. Called on the importing thread, a few times per second at most; a
 * UI listener hands the values over to its own thread.
 */
@FunctionalInterface
public interface ImportListener {
    ImportListener NONE = (features, fraction, phase) -> { };

    /** The phases of an import, for progress texts. */
    enum Phase { SCANNING, READING, INDEXING, DONE }

    /**
     * @param features features read so far
     * @param fraction how much of the source was read, 0..1, negative when unknown
     * @param phase what the import is doing
     */
    void progress(long features, double fraction, Phase phase);
}
