package de.trassenwerk.opendata;

/**
 * Where users of a dataset ask questions: an organisation or team with its shared mailbox — never a
 * person. Written as a {@code vcard:Organization}. Immutable.
 */
public record ContactPoint(String organisation, String email) {
}
