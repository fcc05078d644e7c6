package de.trassenwerk.io.importer;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import java.util.List;
import java.util.Locale;

/**
 * An import that failed and wrote nothing. Besides the message it may carry the features that
 * made it fail (invalid geometries, unreadable records; at most {@link #LISTED} of them, with the
 * total in the message), each with its position.
 */
public class ImportException extends UserFacingException {
    private static final long serialVersionUID = 1L;
    /** How many problems are listed in full. */
    public static final int LISTED = 50;
    private final transient List<ImportProblem> problems;

    public ImportException(String key, Throwable cause, Object... args) {
        this(List.of(), key, cause, args);
    }

    public ImportException(List<ImportProblem> problems, String key, Throwable cause, Object... args) {
        super(key, cause, args);
        this.problems = List.copyOf(problems);
    }

    /** The features that made the import fail (the first {@link #LISTED}). */
    public List<ImportProblem> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        StringBuilder b = new StringBuilder(Messages.format(Locale.ENGLISH, key(), args()));
        problems.forEach(p -> b.append("\n  ").append(p));
        return b.toString();
    }

    @Override
    public String localizedMessage() {
        StringBuilder b = new StringBuilder(Messages.get(key(), args()));
        problems.forEach(p -> b.append("\n  ").append(p.describe()));
        return b.toString();
    }
}
