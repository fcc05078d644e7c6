package de.trassenwerk.io.importer;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.io.SourcePosition;
import java.util.Locale;

/**
 * One feature that cannot be imported as it is: where it is and what is wrong (a message key and
 * its arguments), e.g. an invalid geometry with the JTS reason and location. Immutable.
 */
public record ImportProblem(SourcePosition position, String key, Object... args) {

    public ImportProblem {
        args = args.clone();
    }

    /** "sites.geojson, feature 3 (line 4): self-intersection at 343012.5 5702000.0", in the user's language. */
    public String describe() {
        String what = Messages.get(key, args);
        return position == null ? what : position.describe() + ": " + what;
    }

    @Override
    public String toString() {
        String what = Messages.format(Locale.ENGLISH, key, args);
        return position == null ? what : position + ": " + what;
    }
}
