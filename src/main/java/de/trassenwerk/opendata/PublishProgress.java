package de.trassenwerk.opendata;

/**
 * Hears how far a publication has come: a fraction from 0 to 1 and what is being done, in the
 * user's language. Called on the publishing thread; implementations hand it on to their own thread.
 */
@FunctionalInterface
public interface PublishProgress {
    PublishProgress NONE = (fraction, message) -> { };

    void update(double fraction, String message);
}
