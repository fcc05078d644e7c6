package de.trassenwerk.opendata.ckan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call of the CKAN action API: a GET with query parameters ({@code package_show}), a POST with
 * a JSON body ({@code package_create}/{@code package_update}), or a multipart POST with form fields
 * and a file ({@code resource_create}/{@code resource_update} with {@code upload}). Immutable.
 */
public record CkanRequest(String action, Map<String, String> query, ObjectNode json, Map<String, String> form,
        Path upload) {

    public CkanRequest {
        query = query == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
        form = form == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(form));
    }

    static CkanRequest get(String action, Map<String, String> query) {
        return new CkanRequest(action, query, null, null, null);
    }

    static CkanRequest post(String action, ObjectNode json) {
        return new CkanRequest(action, null, json, null, null);
    }

    static CkanRequest upload(String action, Map<String, String> form, Path file) {
        return new CkanRequest(action, null, null, form, file);
    }

    public boolean isGet() {
        return query != null;
    }
}
