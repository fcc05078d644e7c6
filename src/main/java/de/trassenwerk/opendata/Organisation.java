package de.trassenwerk.opendata;

/** The publisher of a dataset (in the legal sense): its name and the address of its web site. Immutable. */
public record Organisation(String name, String uri) {
}
