package de.trassenwerk.coordination;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What civil works cost, per metre, in euros: a new open trench by street class, laying a duct in
 * someone else's open trench (co-laying), blowing fibre into a free existing duct (duct reuse), and
 * the factor on trench cost where a street under a digging moratorium is opened anyway. One file
 * schema serves the coordination analysis and the route planner. Immutable.
 *
 * <p>The defaults are assumptions, commonly quoted orders of magnitude for German fibre roll-out, not
 * tender prices: open trench primary 150, secondary 120, residential 90, service 75 €/m; co-laying
 * 15 €/m; duct reuse 8 €/m; moratorium factor 3. A street of a class the model does not list, and a
 * stretch near no street, are priced as {@value #FALLBACK_CLASS}.
 *
 * <p>File format (JSON; every member optional, missing ones keep their default, unknown members are
 * an error so that a misspelt key does not go unnoticed):
 * <pre>{@code
 * {"trench_eur_per_m": {"primary": 150, "secondary": 120, "residential": 90, "service": 75},
 *  "co_laying_eur_per_m": 15, "duct_reuse_eur_per_m": 8, "moratorium_factor": 3}
 * }</pre>
 *
 * @param trenchEurPerM    open-trench cost by street class (always has {@value #FALLBACK_CLASS})
 * @param coLayingEurPerM  cost of laying a duct in someone else's open trench
 * @param ductReuseEurPerM cost of using a free tube of an existing duct
 * @param moratoriumFactor multiplier on trench cost in a street under moratorium (route planner)
 */
public record CostModel(Map<String, Double> trenchEurPerM, double coLayingEurPerM, double ductReuseEurPerM,
        double moratoriumFactor) {

    /** The class whose rate prices streets of unlisted classes and stretches near no street. */
    public static final String FALLBACK_CLASS = "residential";
    public static final String TRENCH = "trench_eur_per_m";
    public static final String CO_LAYING = "co_laying_eur_per_m";
    public static final String DUCT_REUSE = "duct_reuse_eur_per_m";
    public static final String MORATORIUM_FACTOR = "moratorium_factor";
    private static final Set<String> MEMBERS = Set.of(TRENCH, CO_LAYING, DUCT_REUSE, MORATORIUM_FACTOR);

    /** The documented default assumptions. */
    public static final CostModel DEFAULT = new CostModel(defaultTrench(), 15, 8, 3);

    public CostModel {
        Map<String, Double> copy = new LinkedHashMap<>();
        trenchEurPerM.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), v));
        trenchEurPerM = java.util.Collections.unmodifiableMap(copy);
        if (!trenchEurPerM.containsKey(FALLBACK_CLASS)) {
            throw new IllegalArgumentException("the cost model needs a rate for " + FALLBACK_CLASS);
        }
    }

    private static Map<String, Double> defaultTrench() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("primary", 150.0);
        m.put("secondary", 120.0);
        m.put("residential", 90.0);
        m.put("service", 75.0);
        return m;
    }

    /** Open-trench cost per metre in a street of this class ({@value #FALLBACK_CLASS} when unlisted or null). */
    public double trenchRate(String streetClass) {
        Double rate = streetClass == null ? null : trenchEurPerM.get(streetClass.trim().toLowerCase(Locale.ROOT));
        return rate != null ? rate : trenchEurPerM.get(FALLBACK_CLASS);
    }

    /** What co-laying saves per metre in a street of this class: trench cost minus co-laying cost. */
    public double coLayingSaving(String streetClass) {
        return trenchRate(streetClass) - coLayingEurPerM;
    }

    /** Reads a cost file; members it leaves out keep their defaults. */
    public static CostModel load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new CoordinationException("coordination.costs.error.syntax", e, file,
                    e.getOriginalMessage() + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new CoordinationException("coordination.costs.error.read", e, file, String.valueOf(e.getMessage()));
        }
        return parse(root, file.toString());
    }

    /** Reads the cost model from a parsed JSON document; {@code source} names it in messages. */
    public static CostModel parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new CoordinationException("coordination.costs.error.document", source);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!MEMBERS.contains(name)) {
                throw new CoordinationException("coordination.costs.error.unknown", source, name,
                        String.join(", ", new java.util.TreeSet<>(MEMBERS)));
            }
        }
        Map<String, Double> trench = new LinkedHashMap<>(DEFAULT.trenchEurPerM);
        JsonNode t = root.get(TRENCH);
        if (t != null) {
            if (!t.isObject()) {
                throw new CoordinationException("coordination.costs.error.object", source, TRENCH);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                trench.put(e.getKey().toLowerCase(Locale.ROOT), rate(e.getValue(), source, TRENCH + "." + e.getKey()));
            }
        }
        double coLaying = root.has(CO_LAYING) ? rate(root.get(CO_LAYING), source, CO_LAYING) : DEFAULT.coLayingEurPerM;
        double reuse = root.has(DUCT_REUSE) ? rate(root.get(DUCT_REUSE), source, DUCT_REUSE) : DEFAULT.ductReuseEurPerM;
        double factor = root.has(MORATORIUM_FACTOR) ? rate(root.get(MORATORIUM_FACTOR), source, MORATORIUM_FACTOR)
                : DEFAULT.moratoriumFactor;
        if (factor < 1) {
            throw new CoordinationException("coordination.costs.error.factor", source, MORATORIUM_FACTOR);
        }
        return new CostModel(trench, coLaying, reuse, factor);
    }

    private static double rate(JsonNode v, String source, String member) {
        if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() < 0) {
            throw new CoordinationException("coordination.costs.error.rate", source, member);
        }
        return v.doubleValue();
    }

    /**
     * Writes the model in its file form (as {@link #load} reads it) as the next value of {@code g};
     * needs only Jackson's streaming core.
     */
    public void writeJson(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart(TRENCH);
        for (Map.Entry<String, Double> e : trenchEurPerM.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField(CO_LAYING, coLayingEurPerM);
        g.writeNumberField(DUCT_REUSE, ductReuseEurPerM);
        g.writeNumberField(MORATORIUM_FACTOR, moratoriumFactor);
        g.writeEndObject();
    }
}
