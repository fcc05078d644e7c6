package de.trassenwerk.opendata.ckan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.trassenwerk.i18n.UserFacingException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The CKAN action API over {@code java.net.http}: {@code POST {base}/api/3/action/{action}} with a
 * JSON body or multipart form (file uploads), {@code GET} for reads, the API token in the
 * {@code Authorization} header. Redirects are not followed (the token must not travel elsewhere),
 * and plain http is refused except to this machine. Thread-safe; calls block, so never on the
 * JavaFX thread.
 */
public final class HttpCkanApi implements CkanApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient client;

    /** A client for the portal at {@code base} (e.g. {@code https://opendata.ruhr}); {@code token} may be null for reads. */
    public HttpCkanApi(URI base, String token) {
        String s = base.toString();
        if (!base.isAbsolute() || base.getHost() == null
                || !(s.startsWith("https://") || s.startsWith("http://") && isLoopback(base.getHost()))) {
            throw new UserFacingException("opendata.ckan.error.url", null, s);
        }
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.token = token;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public JsonNode call(CkanRequest r) {
        HttpRequest.Builder b = HttpRequest.newBuilder().timeout(Duration.ofMinutes(10));
        if (token != null) {
            b.header("Authorization", token);
        }
        try {
            if (r.isGet()) {
                b.uri(base.resolve("api/3/action/" + r.action() + "?" + query(r.query()))).GET();
            } else if (r.json() != null) {
                b.uri(base.resolve("api/3/action/" + r.action())).header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(r.json()), StandardCharsets.UTF_8));
            } else {
                String boundary = "----trassenwerk-" + UUID.randomUUID();
                b.uri(base.resolve("api/3/action/" + r.action()))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(multipart(boundary, r.form(), r.upload()));
            }
            HttpResponse<String> response = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return result(r.action(), response.statusCode(), response.body());
        } catch (IOException e) {
            throw new CkanException(r.action(), 0, "connection", String.valueOf(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CkanException(r.action(), 0, "interrupted", "", e);
        }
    }

    private static String query(Map<String, String> q) {
        List<String> parts = new ArrayList<>();
        q.forEach((k, v) -> parts.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }

    private static HttpRequest.BodyPublisher multipart(String boundary, Map<String, String> form, java.nio.file.Path file)
            throws IOException {
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        StringBuilder head = new StringBuilder();
        for (Map.Entry<String, String> e : form.entrySet()) {
            head.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(e.getKey()).append("\"\r\n")
                    .append("Content-Type: text/plain; charset=utf-8\r\n\r\n")
                    .append(e.getValue()).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"upload\"; filename=\"")
                .append(file.getFileName().toString().replace("\"", "")).append("\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n");
        parts.add(HttpRequest.BodyPublishers.ofString(head.toString(), StandardCharsets.UTF_8));
        parts.add(HttpRequest.BodyPublishers.ofFile(file));
        parts.add(HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        if (!Files.isRegularFile(file)) {
            throw new java.io.FileNotFoundException(file.toString());
        }
        return HttpRequest.BodyPublishers.concat(parts.toArray(new HttpRequest.BodyPublisher[0]));
    }

    /** The {@code result} of CKAN's answer, or the failure it reports. */
    static JsonNode result(String action, int status, String body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.has("success")) {
            String text = body == null ? "" : body.strip();
            throw new CkanException(action, status, "no CKAN answer", text.length() > 200 ? text.substring(0, 200) : text,
                    null);
        }
        if (answer.get("success").asBoolean() && status / 100 == 2) {
            return answer.get("result");
        }
        JsonNode error = answer.path("error");
        throw new CkanException(action, status, error.path("__type").asText("error"), describe(error), null);
    }

    /** CKAN's error object as one line: {@code message}, or {@code field: problem; ...} for validation errors. */
    static String describe(JsonNode error) {
        if (error.has("message")) {
            return error.get("message").asText();
        }
        List<String> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = error.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("__type")) {
                parts.add(e.getKey() + ": " + (e.getValue().isArray() && e.getValue().size() > 0
                        ? e.getValue().get(0).asText() : e.getValue().toString()));
            }
        }
        return String.join("; ", parts);
    }
}
