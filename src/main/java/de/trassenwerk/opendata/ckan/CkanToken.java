package de.trassenwerk.opendata.ckan;

import java.util.function.Function;

/**
 * The CKAN API token, taken from the environment variable {@value #VARIABLE} and from nowhere else
 * (never from a file in the project, which could be committed or copied along). The lookup is a
 * function so that tests can supply their own environment. Stateless.
 */
public final class CkanToken {
    public static final String VARIABLE = "TRASSENWERK_CKAN_TOKEN";

    private CkanToken() {
    }

    /** The token, or null when the variable is not set or blank. */
    public static String from(Function<String, String> environment) {
        String v = environment.apply(VARIABLE);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
