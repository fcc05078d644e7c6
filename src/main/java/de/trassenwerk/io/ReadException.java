package de.trassenwerk.io;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import java.util.Locale;

/**
 * A source that cannot be read as it is: malformed input at a position (file and line, feature or
 * record number), a missing companion file, an unknown layer. The message says where and what was
 * expected; {@link #position()} is null for problems of the source as a whole.
 */
public class ReadException extends UserFacingException {
    private static final long serialVersionUID = 1L;
    private final transient SourcePosition position;

    public ReadException(SourcePosition position, String key, Throwable cause, Object... args) {
        super(key, cause, args);
        this.position = position;
    }

    public ReadException(String key, Throwable cause, Object... args) {
        this(null, key, cause, args);
    }

    public SourcePosition position() {
        return position;
    }

    /** What was wrong, without the position. */
    public String problem() {
        return Messages.get(key(), args());
    }

    @Override
    public String getMessage() {
        String what = Messages.format(Locale.ENGLISH, key(), args());
        return position == null ? what : position + ": " + what;
    }

    @Override
    public String localizedMessage() {
        return position == null ? problem() : position.describe() + ": " + problem();
    }
}
