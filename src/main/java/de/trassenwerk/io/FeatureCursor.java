package de.trassenwerk.io;

import java.util.Iterator;

/**
 * Streams the features of a source, one at a time, holding only the current one (and whatever
 * buffer the format needs) in memory. Used by one thread. {@link #next()} throws
 * {@link ReadException} naming the position when the input is malformed.
 */
public interface FeatureCursor extends Iterator<SourceFeature>, AutoCloseable {

    /** How much of the source has been read, 0..1; negative when unknown. */
    double progress();

    @Override
    void close();
}
