package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import java.text.NumberFormat;

/** The words and number formats of the coordination views, in the user's language. FX thread (stateless). */
final class CoordinationLabels {
    private CoordinationLabels() {
    }

    /** "Mitverlegungschance" for {@code co_laying}, and so on. */
    static String kind(String key) {
        return key == null ? "" : Messages.get("coordination.kind." + key);
    }

    /** "kontaktiert" for {@code contacted}, and so on. */
    static String status(String key) {
        return key == null ? "" : Messages.get("ui.coordination.status." + key);
    }

    static String metres(double m) {
        NumberFormat f = NumberFormat.getNumberInstance(Messages.locale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(m);
    }

    static String euros(Long eur) {
        return eur == null ? "" : NumberFormat.getIntegerInstance(Messages.locale()).format(eur);
    }
}
