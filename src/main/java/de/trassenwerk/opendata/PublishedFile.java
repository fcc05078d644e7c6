package de.trassenwerk.opendata;

/** One written file of a dataset: its format, name within the folder, size and SHA-256 (hex). Immutable. */
public record PublishedFile(Format format, String fileName, long bytes, String sha256) {
}
