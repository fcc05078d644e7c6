package de.trassenwerk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A CKAN action API on this machine for tests, checking requests as CKAN 2.10 does: the API token
 * in {@code Authorization} for writes, JSON bodies for packages and multipart uploads for
 * resources, required fields, the dataset name rule (2–100 lower-case letters, digits, - and _),
 * tag rules, unique names, existing organisations; answers in CKAN's shape
 * ({@code {"success": true, "result": ...}}, errors with {@code __type} and HTTP 403/404/409). Like
 * CKAN, {@code package_update} without a {@code resources} list drops the resources. Records every
 * request. Thread-safe (synchronized); close it after the test.
 */
public final class FakeCkan implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{2,100}");
    private static final Pattern TAG = Pattern.compile("[\\w \\-.]{2,100}", Pattern.UNICODE_CHARACTER_CLASS);

    /** One request as received: action, whether it carried the right token, its content type. */
    public record Received(String action, String method, String authorization, String contentType) {
    }

    private final HttpServer server;
    private final String token;
    private final String organisation;
    private final Map<String, ObjectNode> packages = new LinkedHashMap<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final List<Received> received = new ArrayList<>();

    /** Starts a portal that accepts {@code token} and knows the organisation {@code organisation}. */
    public FakeCkan(String token, String organisation) throws IOException {
        this.token = token;
        this.organisation = organisation;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/3/action/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    public synchronized Map<String, ObjectNode> packages() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(packages));
    }

    /** The bytes uploaded for a resource id. */
    public synchronized byte[] file(String resourceId) {
        return files.get(resourceId);
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        String action = ex.getRequestURI().getPath().substring("/api/3/action/".length());
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        received.add(new Received(action, ex.getRequestMethod(), auth, type));
        byte[] body = ex.getRequestBody().readAllBytes();
        try {
            JsonNode result = switch (action) {
                case "package_show" -> show(query(ex.getRequestURI().getRawQuery()).get("id"));
                case "package_create" -> create(json(authorised(auth, body)));
                case "package_update" -> update(json(authorised(auth, body)));
                case "resource_create" -> resource(multipart(type, authorised(auth, body)), true);
                case "resource_update" -> resource(multipart(type, authorised(auth, body)), false);
                default -> throw new Failure(400, "Bad request - Action name not known: " + action, "message");
            };
            answer(ex, 200, JSON.createObjectNode().put("success", true).set("result", result));
        } catch (Failure f) {
            ObjectNode error = JSON.createObjectNode();
            error.put("__type", f.type);
            if (f.field.equals("message")) {
                error.put("message", f.getMessage());
            } else {
                error.putArray(f.field).add(f.getMessage());
            }
            answer(ex, f.status, JSON.createObjectNode().put("success", false).set("error", error));
        }
    }

    private byte[] authorised(String auth, byte[] body) {
        if (auth == null || !auth.equals(token)) {
            throw new Failure(403, "Access denied: the API token is missing or wrong", "message");
        }
        return body;
    }

    private static ObjectNode json(byte[] body) {
        try {
            return (ObjectNode) JSON.readTree(body);
        } catch (IOException | ClassCastException e) {
            throw new Failure(400, "Bad request: JSON body expected", "message");
        }
    }

    private ObjectNode find(String idOrName) {
        if (idOrName == null) {
            throw new Failure(409, "Missing value", "id");
        }
        for (ObjectNode p : packages.values()) {
            if (p.get("id").asText().equals(idOrName) || p.get("name").asText().equals(idOrName)) {
                return p;
            }
        }
        throw new Failure(404, "Not found", "message", "Not Found Error");
    }

    private JsonNode show(String id) {
        return find(id).deepCopy();
    }

    private JsonNode create(ObjectNode pkg) {
        validate(pkg, null);
        if (packages.containsKey(pkg.get("name").asText())) {
            throw new Failure(409, "That URL is already in use.", "name");
        }
        pkg.put("id", UUID.randomUUID().toString());
        pkg.putArray("resources");
        packages.put(pkg.get("name").asText(), pkg);
        return pkg.deepCopy();
    }

    private JsonNode update(ObjectNode pkg) {
        ObjectNode old = find(pkg.has("id") ? pkg.get("id").asText() : pkg.path("name").asText(null));
        validate(pkg, old);
        ArrayNode resources = JSON.createArrayNode();
        if (pkg.has("resources")) {
            for (JsonNode r : pkg.get("resources")) {
                for (JsonNode o : old.get("resources")) {
                    if (o.get("id").asText().equals(r.path("id").asText())) {
                        resources.add(o);
                    }
                }
            }
        } // else: like CKAN, a package_update without resources leaves none
        pkg.put("id", old.get("id").asText());
        pkg.set("resources", resources);
        packages.remove(old.get("name").asText());
        packages.put(pkg.get("name").asText(), pkg);
        return pkg.deepCopy();
    }

    private void validate(ObjectNode pkg, ObjectNode old) {
        String name = pkg.path("name").asText("");
        if (name.isEmpty()) {
            throw new Failure(409, "Missing value", "name");
        }
        if (!NAME.matcher(name).matches()) {
            throw new Failure(409, "Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_", "name");
        }
        if (old != null && !old.get("name").asText().equals(name) && packages.containsKey(name)) {
            throw new Failure(409, "That URL is already in use.", "name");
        }
        if (!organisation.equals(pkg.path("owner_org").asText())) {
            throw new Failure(409, "Organization does not exist", "owner_org");
        }
        for (JsonNode t : pkg.path("tags")) {
            if (!TAG.matcher(t.path("name").asText("")).matches()) {
                throw new Failure(409, "Tag \"" + t.path("name").asText() + "\" must be alphanumeric characters or symbols: -_.", "tags");
            }
        }
        for (JsonNode e : pkg.path("extras")) {
            if (!e.has("key") || !e.has("value") || !e.get("value").isTextual()) {
                throw new Failure(409, "Extras need a key and a text value", "extras");
            }
        }
    }

    private JsonNode resource(Map<String, Object> form, boolean create) {
        ObjectNode r;
        ObjectNode pkg;
        if (create) {
            pkg = find((String) form.get("package_id"));
            r = ((ArrayNode) pkg.get("resources")).addObject();
            r.put("id", UUID.randomUUID().toString());
            r.put("package_id", pkg.get("id").asText());
        } else {
            String id = (String) form.get("id");
            r = null;
            pkg = null;
            for (ObjectNode p : packages.values()) {
                for (JsonNode o : p.get("resources")) {
                    if (o.get("id").asText().equals(id)) {
                        r = (ObjectNode) o;
                        pkg = p;
                    }
                }
            }
            if (r == null) {
                throw new Failure(404, "Not found", "message", "Not Found Error");
            }
        }
        if (!(form.get("upload") instanceof byte[]) && !form.containsKey("url")) {
            throw new Failure(409, "Missing value", "url");
        }
        for (Map.Entry<String, Object> e : form.entrySet()) {
            if (e.getValue() instanceof String s && !e.getKey().equals("package_id")) {
                r.put(e.getKey(), s);
            }
        }
        if (form.get("upload") instanceof byte[] bytes) {
            files.put(r.get("id").asText(), bytes);
            r.put("size", bytes.length);
            r.put("url", url() + "/dataset/" + pkg.get("id").asText() + "/resource/" + r.get("id").asText()
                    + "/download/" + form.get("upload.filename"));
        }
        return r.deepCopy();
    }

    /** Form fields as text, the file part as bytes (key {@code upload}) and its name ({@code upload.filename}). */
    private static Map<String, Object> multipart(String contentType, byte[] body) {
        if (contentType == null || !contentType.startsWith("multipart/form-data; boundary=")) {
            throw new Failure(400, "Bad request: a multipart/form-data upload is expected", "message");
        }
        String boundary = "--" + contentType.substring("multipart/form-data; boundary=".length());
        String all = new String(body, StandardCharsets.ISO_8859_1);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String part : all.split(Pattern.quote(boundary))) {
            int headEnd = part.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                continue;
            }
            String head = part.substring(0, headEnd);
            String content = part.substring(headEnd + 4, part.length() - 2); // without the trailing CRLF
            java.util.regex.Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(head);
            if (!name.find()) {
                continue;
            }
            java.util.regex.Matcher file = Pattern.compile("filename=\"([^\"]*)\"").matcher(head);
            if (file.find()) {
                out.put(name.group(1), content.getBytes(StandardCharsets.ISO_8859_1));
                out.put(name.group(1) + ".filename", file.group(1));
            } else {
                out.put(name.group(1), new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                String[] p = kv.split("=", 2);
                q.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8), p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
            }
        }
        return q;
    }

    private static void answer(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A CKAN error: HTTP status, message, the field it concerns ({@code message} for none), its type. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String field;
        final String type;

        Failure(int status, String message, String field) {
            this(status, message, field, status == 403 ? "Authorization Error" : status == 409 ? "Validation Error" : "Error");
        }

        Failure(int status, String message, String field, String type) {
            super(message);
            this.status = status;
            this.field = field;
            this.type = type;
        }
    }
}
