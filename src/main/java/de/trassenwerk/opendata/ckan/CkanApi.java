package de.trassenwerk.opendata.ckan;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends CKAN action requests and returns the {@code result} of a successful one; a failed one is a
 * {@link CkanException}. Implementations say their thread rules.
 */
@FunctionalInterface
public interface CkanApi {
    JsonNode call(CkanRequest request);
}
