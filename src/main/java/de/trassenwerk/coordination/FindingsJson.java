package de.trassenwerk.coordination;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JSON form of a run, streamed (a run on a large city has a hundred thousand findings):
 * {@code {"today", "parameters": {...}, "findings": [...], "summary": {kind: {count, length_m, saving_eur}}}}.
 * Every finding carries every key of {@link FindingFields#KEYS} (null where it does not apply).
 * Findings are turned into text on several threads (the common fork-join pool) and written in order.
 * Stateless.
 */
public final class FindingsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FindingsJson() {
    }

    /**
     * Writes the run to {@code out} as UTF-8 (the stream stays open); the findings are encoded on several
     * threads, so this is the fast way to write a large result to a file.
     */
    public static void write(CoordinationResult result, java.io.OutputStream out) throws IOException {
        java.io.StringWriter head = new java.io.StringWriter();
        head(result, head);
        out.write(head.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        boolean first = true;
        for (byte[] finding : result.findings().parallelStream()
                .map(f -> finding(f).getBytes(java.nio.charset.StandardCharsets.UTF_8)).collect(Collectors.toList())) {
            out.write(first ? NEWLINE : COMMA_NEWLINE);
            out.write(finding);
            first = false;
        }
        java.io.StringWriter tail = new java.io.StringWriter();
        tail(result, tail);
        out.write(tail.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }

    private static final byte[] NEWLINE = {'\n'};
    private static final byte[] COMMA_NEWLINE = {',', '\n'};

    /**
     * Writes the run to {@code out} (which stays open): one member per line, one finding per line, so
     * that a large result stays readable and greppable.
     */
    public static void write(CoordinationResult result, Writer out) throws IOException {
        head(result, out);
        boolean first = true;
        for (String finding : result.findings().parallelStream().map(FindingsJson::finding).collect(Collectors.toList())) {
            out.write(first ? "\n" : ",\n");
            out.write(finding);
            first = false;
        }
        tail(result, out);
        out.flush();
    }

    /** Everything before the first finding. */
    private static void head(CoordinationResult result, Writer out) throws IOException {
        CoordinationParameters p = result.parameters();
        out.write("{\"today\":\"" + p.today() + "\",\n\"parameters\":");
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeNumberField("buffer_m", p.bufferM());
            g.writeNumberField("lead_weeks", p.leadWeeks());
            g.writeNumberField("horizon_months", p.horizonMonths());
            g.writeNumberField("moratorium_years", p.moratoriumYears());
            g.writeNumberField("double_dig_months", p.doubleDigMonths());
            g.writeNumberField("free_duct_distance_m", CoordinationParameters.FREE_DUCT_DISTANCE_M);
            g.writeFieldName("costs");
            g.writeTree(result.costs().toJson(MAPPER));
            g.writeEndObject();
        }
        out.write(",\n\"findings\":[");
    }

    /** Everything after the last finding. */
    private static void tail(CoordinationResult result, Writer out) throws IOException {
        out.write("],\n\"summary\":");
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            for (Map.Entry<FindingKind, CoordinationResult.Totals> e : result.summary().entrySet()) {
                g.writeObjectFieldStart(e.getKey().key());
                g.writeNumberField("count", e.getValue().count());
                g.writeNumberField("length_m", e.getValue().lengthM());
                field(g, "saving_eur", e.getValue().savingEur());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        out.write("}\n");
    }

    /** One finding as a JSON object on one line (pure function: the findings are written on several threads). */
    static String finding(Finding f) {
        Object[] values = FindingFields.values(f);
        StringBuilder b = new StringBuilder(512).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(FindingFields.KEYS.get(i)).append("\":");
            Object v = values[i];
            if (v == null) {
                b.append("null");
            } else if (v instanceof Long l) {
                b.append(l.longValue());
            } else if (v instanceof Double d) {
                b.append(d.doubleValue());
            } else if (v instanceof LocalDate day) {
                date(b, day);
            } else {
                string(b, v.toString());
            }
        }
        return b.append('}').toString();
    }

    /** A date as a JSON string, {@code "YYYY-MM-DD"} (years 0 to 9999). */
    private static void date(StringBuilder b, LocalDate d) {
        b.append('"');
        pad(b, d.getYear(), 4).append('-');
        pad(b, d.getMonthValue(), 2).append('-');
        pad(b, d.getDayOfMonth(), 2).append('"');
    }

    private static StringBuilder pad(StringBuilder b, int v, int digits) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < digits; i++) {
            b.append('0');
        }
        return b.append(s);
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        b.append('"');
    }

    private static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = MAPPER.getFactory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    private static void field(JsonGenerator g, String key, Object v) throws IOException {
        if (v == null) {
            g.writeNullField(key);
        } else if (v instanceof Long l) {
            g.writeNumberField(key, l);
        } else if (v instanceof Double d) {
            g.writeNumberField(key, d);
        } else {
            g.writeStringField(key, v.toString());
        }
    }
}
