package de.trassenwerk.coordination;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The JSON form of a run:
 * {@code {"today", "parameters": {...}, "findings": [...], "summary": {kind: {count, length_m, saving_eur}}}}.
 * Every finding carries every key of {@link FindingFields#KEYS} (null where it does not apply).
 * Stateless.
 */
public final class FindingsJson {
    private FindingsJson() {
    }

    public static ObjectNode of(CoordinationResult result, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        CoordinationParameters p = result.parameters();
        root.put("today", p.today().toString());
        ObjectNode params = root.putObject("parameters");
        params.put("buffer_m", p.bufferM());
        params.put("lead_weeks", p.leadWeeks());
        params.put("horizon_months", p.horizonMonths());
        params.put("moratorium_years", p.moratoriumYears());
        params.put("double_dig_months", p.doubleDigMonths());
        params.put("free_duct_distance_m", CoordinationParameters.FREE_DUCT_DISTANCE_M);
        params.set("costs", result.costs().toJson(mapper));
        ArrayNode findings = root.putArray("findings");
        for (Finding f : result.findings()) {
            ObjectNode o = findings.addObject();
            for (Map.Entry<String, Object> e : FindingFields.of(f).entrySet()) {
                put(o, e.getKey(), e.getValue());
            }
        }
        ObjectNode summary = root.putObject("summary");
        for (Map.Entry<FindingKind, CoordinationResult.Totals> e : result.summary().entrySet()) {
            ObjectNode k = summary.putObject(e.getKey().key());
            k.put("count", e.getValue().count());
            k.put("length_m", e.getValue().lengthM());
            put(k, "saving_eur", e.getValue().savingEur());
        }
        return root;
    }

    private static void put(ObjectNode o, String key, Object v) {
        if (v == null) {
            o.putNull(key);
        } else if (v instanceof Long l) {
            o.put(key, l);
        } else if (v instanceof Integer i) {
            o.put(key, i);
        } else if (v instanceof Double d) {
            o.put(key, d);
        } else {
            o.put(key, v.toString());
        }
    }
}
