package de.trassenwerk.opendata;

/**
 * A layer (or aggregate) that is not published, with the reason and, where the policy gives one, its
 * words (e.g. the TKG § 79 note for conduits) or the field concerned. Immutable.
 */
public record WithheldLayer(String layer, Reason reason, String detail) {
}
