package de.trassenwerk.coordination;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The JSON form of a run, streamed (a run on a large city has a hundred thousand findings):
 * {@code {"today", "parameters": {...}, "findings": [...], "summary": {kind: {count, length_m, saving_eur}}}}.
 * Every finding carries every key of {@link FindingFields#KEYS} (null where it does not apply).
 * Findings are encoded on several threads (the common fork-join pool, {@link FindingsJsonEncoder}) and
 * written in order. Stateless.
 */
public final class FindingsJson {
    /**
     * Jackson's streaming core only: the object mapper's hundreds of classes would take longer to load
     * than the head and tail take to write.
     */
    private static final JsonFactory FACTORY = new JsonFactory();

    private FindingsJson() {
    }

    /** Findings per piece of work when they are encoded on several threads. */
    private static final int CHUNK = 1024;

    /**
     * Writes the run to {@code out} as UTF-8 (the stream stays open); the findings are encoded
     * straight into bytes, in chunks on several threads, so this is the fast way to write a large
     * result to a file.
     */
    public static void write(CoordinationResult result, java.io.OutputStream out) throws IOException {
        java.io.StringWriter head = new java.io.StringWriter();
        head(result, head);
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        List<Finding> findings = result.findings();
        int chunks = (findings.size() + CHUNK - 1) / CHUNK;
        try {
            // chunks are encoded on several threads and written in order as soon as they are ready
            IntStream.range(0, chunks).parallel().mapToObj(c -> {
                FindingsJsonEncoder e = new FindingsJsonEncoder(CHUNK * 512);
                for (int i = c * CHUNK; i < Math.min(findings.size(), (c + 1) * CHUNK); i++) {
                    e.raw(i == 0 ? "\n" : ",\n").finding(findings.get(i));
                }
                return e;
            }).forEachOrdered(chunk -> {
                try {
                    chunk.writeTo(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        java.io.StringWriter tail = new java.io.StringWriter();
        tail(result, tail);
        out.write(tail.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

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
            result.costs().writeJson(g);
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
        return new FindingsJsonEncoder(512).finding(f).toString();
    }

    private static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
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
