package de.trassenwerk.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A breakdown as files and summaries show it: metres to one decimal, euros whole; the totals are the
 * sums of the rounded parts, so that they add up in the file as well. Immutable.
 *
 * @param parts   per cost class, in breakdown order
 * @param lengthM the sum of the rounded metres
 * @param costEur the sum of the rounded euros
 */
public record RoundedCosts(Map<String, Part> parts, double lengthM, long costEur) {
    /** One cost class: metres (one decimal) and whole euros. */
    public record Part(double m, long eur) {
    }

    public RoundedCosts {
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    public static RoundedCosts of(Map<String, CostShare> breakdown) {
        Map<String, Part> parts = new LinkedHashMap<>();
        long tenths = 0;
        long eur = 0;
        for (Map.Entry<String, CostShare> e : breakdown.entrySet()) {
            long dm = Math.round(e.getValue().m() * 10);
            long euros = Math.round(e.getValue().eur());
            parts.put(e.getKey(), new Part(dm / 10.0, euros));
            tenths += dm;
            eur += euros;
        }
        return new RoundedCosts(parts, tenths / 10.0, eur);
    }

    /** The breakdown as JSON: {@code {"trench_residential": {"m": 120.5, "eur": 10845}, ...}}. */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        parts.forEach((k, v) -> {
            ObjectNode p = o.putObject(k);
            p.put("m", v.m());
            p.put("eur", v.eur());
        });
        return o;
    }
}
