package de.trassenwerk.io.http;

import de.trassenwerk.io.ReadException;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Fetches service responses with {@link HttpClient}: through the system's HTTP proxy
 * ({@link ProxySelector#getDefault()}, which follows {@code java.net.useSystemProxies} and the
 * {@code http(s).proxyHost} properties), following redirects, with HTTP basic authentication when
 * credentials say so. Failures become {@link ReadException}s that name the URL (never a token or
 * password), the HTTP status and the start of the server's answer. Thread-safe.
 */
public final class HttpFetcher {
    private static final Duration TIMEOUT = Duration.ofSeconds(Integer.getInteger("trassenwerk.httpTimeoutSeconds", 120));
    private final HttpClient client;
    private final Credentials credentials;

    public HttpFetcher(Credentials credentials) {
        this.credentials = credentials == null ? Credentials.NONE : credentials;
        this.client = HttpClient.newBuilder()
                .proxy(ProxySelector.getDefault())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    public Credentials credentials() {
        return credentials;
    }

    /** {@code base} with query parameters added (values URL-encoded; existing parameters kept). */
    public static URI withQuery(URI base, Map<String, String> params) {
        StringJoiner q = new StringJoiner("&");
        if (base.getRawQuery() != null && !base.getRawQuery().isEmpty()) {
            q.add(base.getRawQuery());
        }
        params.forEach((k, v) -> q.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String s = base.toString();
        int cut = s.indexOf('?');
        return URI.create((cut >= 0 ? s.substring(0, cut) : s) + "?" + q);
    }

    /** GETs a URL; the body as bytes. */
    public byte[] get(URI uri) {
        return send(request(uri).GET().build(), uri);
    }

    /** POSTs form parameters; the body as bytes. */
    public byte[] postForm(URI uri, Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        new LinkedHashMap<>(form).forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest r = request(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return send(r, uri);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("User-Agent", "Trassenwerk");
        if (credentials.isBasic()) {
            String userPass = credentials.user() + ":" + new String(credentials.password());
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    private byte[] send(HttpRequest request, URI uri) {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ReadException("io.error.network", e, safe(uri), String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadException("io.error.network", e, safe(uri), "interrupted");
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new ReadException("io.error.http.auth", null, safe(uri), status);
        }
        if (status < 200 || status >= 300) {
            throw new ReadException("io.error.http", null, safe(uri), status, excerpt(response.body()));
        }
        return response.body();
    }

    /** The first 200 characters of an answer, on one line, for messages. */
    public static String excerpt(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** A URL fit for messages: without user info, token or password parameters. */
    public static String safe(URI uri) {
        String s = uri.toString().replaceAll("//[^/@]*@", "//");
        return s.replaceAll("(?i)([?&](token|password|pwd)=)[^&]*", "$1…");
    }
}
