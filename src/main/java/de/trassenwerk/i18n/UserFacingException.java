package de.trassenwerk.i18n;

/**
 * A failure a user has to understand and can act on: bad input, an unreadable file, a file locked
 * by another program. It carries a message key and its arguments so that the UI and the CLI can
 * each say it in the user's language; {@link #getMessage()} gives the English text for logs.
 * Subclasses name the kind of failure and the file, line or feature it concerns.
 */
public class UserFacingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final transient Object[] args;

    public UserFacingException(String key, Throwable cause, Object... args) {
        super(Messages.format(java.util.Locale.ENGLISH, key, args), cause);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The message in the user's current language. */
    public String localizedMessage() {
        return Messages.get(key, args);
    }

    @Override
    public String getLocalizedMessage() {
        return localizedMessage();
    }
}
