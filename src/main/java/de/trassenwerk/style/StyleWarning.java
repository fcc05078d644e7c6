package de.trassenwerk.style;

import de.trassenwerk.i18n.Messages;
import java.util.List;
import java.util.Locale;

/**
 * Something in an SLD file that is not drawn as written (an unsupported element, a mark that is
 * not known, ...): where it first occurs, what it is, and how often the file has it. The style is
 * still used with everything else it says. Immutable.
 *
 * @param file        the file as named to the reader
 * @param line        line of the first occurrence
 * @param column      column of the first occurrence
 * @param key         message key; its arguments are file, line, column, the details, then the count
 * @param details     what the key needs besides the position
 * @param occurrences how often the file has it
 */
public record StyleWarning(String file, int line, int column, String key, List<String> details, int occurrences) {
    public StyleWarning {
        details = List.copyOf(details);
    }

    /** The warning in the user's language. */
    public String localizedMessage() {
        return Messages.get(key, args());
    }

    /** The warning in English (logs, tests). */
    public String message() {
        return Messages.format(Locale.ENGLISH, key, args());
    }

    private Object[] args() {
        Object[] a = new Object[4 + details.size()];
        a[0] = file;
        a[1] = String.valueOf(line);
        a[2] = String.valueOf(column);
        for (int i = 0; i < details.size(); i++) {
            a[3 + i] = details.get(i);
        }
        a[3 + details.size()] = occurrences;
        return a;
    }
}
