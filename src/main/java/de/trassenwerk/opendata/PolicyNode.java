package de.trassenwerk.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON object of a policy file with its path, read strictly: every key must be one the reader
 * knows, required values must be there and of the right kind; each failure is a
 * {@link PolicyException} naming the path. Used by {@link PolicyReader} only; one thread.
 */
final class PolicyNode {
    private final JsonNode node;
    private final String source;
    private final String path;

    PolicyNode(JsonNode node, String source, String path) {
        this.node = node;
        this.source = source;
        this.path = path;
        if (node == null || !node.isObject()) {
            throw fail("opendata.policy.error.notObject");
        }
    }

    String path() {
        return path;
    }

    PolicyException fail(String key, Object... args) {
        return new PolicyException(key, null, source, path, args);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Fails on any key that is not in {@code allowed}. */
    void allowOnly(String... allowed) {
        List<String> known = Arrays.asList(allowed);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!known.contains(n)) {
                throw new PolicyException("opendata.policy.error.unknownKey", null, source, child(n), n,
                        String.join(", ", allowed));
            }
        }
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    String text(String key) {
        String v = optText(key);
        if (v == null || v.isBlank()) {
            throw new PolicyException("opendata.policy.error.missing", null, source, child(key));
        }
        return v;
    }

    String optText(String key) {
        if (!has(key)) {
            return null;
        }
        JsonNode v = node.get(key);
        if (!v.isTextual()) {
            throw new PolicyException("opendata.policy.error.notText", null, source, child(key));
        }
        return v.asText();
    }

    double number(String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isNumber()) {
            throw new PolicyException("opendata.policy.error.notNumber", null, source, child(key));
        }
        return v.asDouble();
    }

    /** A list of strings; null when absent. */
    List<String> optTexts(String key) {
        if (!has(key)) {
            return null;
        }
        JsonNode v = node.get(key);
        if (!v.isArray()) {
            throw new PolicyException("opendata.policy.error.notList", null, source, child(key));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual() || v.get(i).asText().isBlank()) {
                throw new PolicyException("opendata.policy.error.notText", null, source, child(key) + "[" + i + "]");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    List<String> texts(String key) {
        List<String> v = optTexts(key);
        if (v == null) {
            throw new PolicyException("opendata.policy.error.missing", null, source, child(key));
        }
        return v;
    }

    PolicyNode object(String key) {
        if (!has(key)) {
            throw new PolicyException("opendata.policy.error.missing", null, source, child(key));
        }
        return new PolicyNode(node.get(key), source, child(key));
    }

    PolicyNode optObject(String key) {
        return has(key) ? object(key) : null;
    }

    /** The objects of a list; empty when absent. */
    List<PolicyNode> objects(String key) {
        List<PolicyNode> out = new ArrayList<>();
        if (!has(key)) {
            return out;
        }
        JsonNode v = node.get(key);
        if (!v.isArray()) {
            throw new PolicyException("opendata.policy.error.notList", null, source, child(key));
        }
        for (int i = 0; i < v.size(); i++) {
            out.add(new PolicyNode(v.get(i), source, child(key) + "[" + i + "]"));
        }
        return out;
    }

    /** The members of an object whose values are text, in file order. */
    Map<String, String> textMembers(String key) {
        PolicyNode o = object(key);
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = o.node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new PolicyException("opendata.policy.error.notText", null, source, o.child(e.getKey()));
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** The members of an object whose values are objects, in file order. */
    Map<String, PolicyNode> objectMembers(String key) {
        PolicyNode o = object(key);
        Map<String, PolicyNode> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = o.node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), new PolicyNode(e.getValue(), source, o.child(e.getKey())));
        }
        return out;
    }

    /** A value that must be one of an enum's keys (as the policy writes them), e.g. {@code public}. */
    <E extends Enum<E>> E choice(String key, Class<E> type, java.util.function.Function<E, String> word, E fallback) {
        String v = fallback == null ? text(key) : optText(key);
        if (v == null) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (word.apply(e).equals(v)) {
                return e;
            }
        }
        List<String> words = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            words.add(word.apply(e));
        }
        throw new PolicyException("opendata.policy.error.badValue", null, source, child(key), v, String.join(", ", words));
    }
}
