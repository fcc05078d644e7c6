package de.trassenwerk.opendata;

import de.trassenwerk.store.FieldType;

/**
 * What happens to one field of a published layer: published as it is, generalised to its month,
 * dropped (by the policy or as personal data) or withheld (not listed, unsupported), with the
 * reason for anything but {@link Outcome#KEEP}. Immutable.
 */
public record FieldDecision(String field, FieldType type, Outcome outcome, Reason reason) {

    /** The fate of a field. */
    public enum Outcome { KEEP, MONTH, DROP, WITHHELD }

    /** Whether the field (in some form) appears in the published data. */
    public boolean published() {
        return outcome == Outcome.KEEP || outcome == Outcome.MONTH;
    }
}
