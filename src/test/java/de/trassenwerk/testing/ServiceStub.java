package de.trassenwerk.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A small HTTP server for tests of service clients: answers by path with hand-written responses
 * shaped like the real services', and records every request (method, URI, parameters from query
 * and form body, Authorization header). Started on a free port of 127.0.0.1; close it.
 */
public final class ServiceStub implements AutoCloseable {
    /** One request as the server saw it. */
    public record Request(String method, URI uri, Map<String, String> params, String authorization) {
        public String param(String name) {
            for (Map.Entry<String, String> e : params.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }
    }

    /** What to answer: status, content type, body. */
    public record Answer(int status, String contentType, byte[] body) {
        public static Answer json(String body) {
            return new Answer(200, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }

        public static Answer xml(String body) {
            return new Answer(200, "text/xml; charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    /** @param handler answers a request (the server adds nothing but the headers) */
    public ServiceStub(Function<Request, Answer> handler) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> answer(exchange, handler));
        server.start();
    }

    private void answer(HttpExchange exchange, Function<Request, Answer> handler) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        parse(exchange.getRequestURI().getRawQuery(), params);
        byte[] body = exchange.getRequestBody().readAllBytes();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            parse(new String(body, StandardCharsets.UTF_8), params);
        }
        Request r = new Request(exchange.getRequestMethod(), exchange.getRequestURI(), params,
                exchange.getRequestHeaders().getFirst("Authorization"));
        requests.add(r);
        Answer a;
        try {
            a = handler.apply(r);
        } catch (RuntimeException e) {
            a = new Answer(500, "text/plain", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        }
        exchange.getResponseHeaders().add("Content-Type", a.contentType());
        exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
        if (a.body().length > 0) {
            exchange.getResponseBody().write(a.body());
        }
        exchange.close();
    }

    private static void parse(String query, Map<String, String> into) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String p : query.split("&")) {
            int eq = p.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? p : p.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(k, v);
        }
    }

    /** The server's address with a path, e.g. {@code url("/wfs")}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
