package de.trassenwerk.io.importer;

import de.trassenwerk.io.http.Credentials;
import java.nio.charset.Charset;

/**
 * How to read a source where it cannot say so itself: the text encoding (CSV, DBF), the coordinate
 * or WKT columns of a CSV, credentials for a service. Null means "find out". Immutable.
 */
public record SourceOptions(Charset encoding, String xField, String yField, String wktField, Credentials credentials) {

    public static final SourceOptions DEFAULT = new SourceOptions(null, null, null, null, Credentials.NONE);

    public SourceOptions {
        credentials = credentials == null ? Credentials.NONE : credentials;
    }
}
