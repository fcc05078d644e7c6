package de.trassenwerk.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON writer: the byte stream (files) and the text (standard output) say the same, exactly. */
class FindingsJsonTest {

    private static Finding clash(long route, String street, double length) {
        return new Finding(Finding.routeClashId(route, 7), FindingKind.MORATORIUM_CLASH, route, null, null, null, null,
                null, null, 7L, street, "Süd", null, null, LocalDate.of(2027, 3, 1), LocalDate.of(2024, 5, 1),
                LocalDate.of(2029, 5, 1), null, null, length, null, null);
    }

    private static CoordinationResult result(List<Finding> findings) {
        return new CoordinationResult(CoordinationParameters.defaults(LocalDate.of(2026, 9, 1)), CostModel.DEFAULT,
                findings, 25832);
    }

    @Test
    void namesWithQuotesControlCharactersAndNonLatinLettersSurviveTheRoundTrip() throws Exception {
        String odd = "Straße \"Am Deich\" \\ Tab\there \u0001 Łódź 東京 \uD83D\uDE80";
        CoordinationResult r = result(List.of(clash(1, odd, 12.34), clash(2, "Weg", 0.05)));
        JsonNode f = new ObjectMapper().readTree(bytes(r)).get("findings");
        assertEquals(odd, f.get(0).get("street_name").asText());
        assertEquals("Süd", f.get(0).get("district").asText());
        assertEquals(12.3, f.get(0).get("length_m").asDouble());
        assertEquals(0.1, f.get(1).get("length_m").asDouble());
        assertEquals("2027-03-01", f.get(0).get("dig_date").asText());
        assertEquals(1, f.get(0).get("route_fid").asLong());
        assertTrue(f.get(0).get("site_fid").isNull());
    }

    @Test
    void fileAndTextAreTheSameCharacters() throws Exception {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 2500; i++) { // more than one chunk of the parallel encoder
            many.add(clash(i, i % 3 == 0 ? "Königstraße" : "Weg " + i, i * 1.25));
        }
        many.add(clash(-5, "lone \uD800 surrogate", 1e7));
        CoordinationResult r = result(many);
        StringWriter text = new StringWriter();
        FindingsJson.write(r, text);
        String file = bytes(r);
        assertEquals(text.toString(), file);
        assertTrue(file.contains("\"street_name\":\"lone ? surrogate\""),
                "a lone surrogate is written as Java's UTF-8 encoder writes it");
        assertTrue(file.contains("\"length_m\":1.0E7"), "numbers as Java prints them");
        assertEquals(many.size(), new ObjectMapper().readTree(file).get("findings").size());
        assertEquals(many.size(), file.lines().filter(l -> l.startsWith("{\"finding_id\"")).count(),
                "one finding per line");
    }

    @Test
    void lengthsArePrintedAsJavaPrintsThem() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        List<Double> lengths = new ArrayList<>(List.of(0.0, 0.04, 0.05, 0.1, 1.0, 99.95, 1234.5, 9_999_999.9,
                9_999_999.96, 1e7, 123_456_789.0));
        for (int i = 0; i < 20_000; i++) {
            lengths.add(rnd.nextLong(100_000_000L) / 10.0);
            lengths.add(rnd.nextDouble() * 1e4);
        }
        for (double length : lengths) {
            Finding f = clash(1, "Weg", length);
            String expected = "\"length_m\":" + Double.toString(f.roundedLengthM()) + ",";
            assertTrue(FindingsJson.finding(f).contains(expected), length + " as " + expected);
        }
    }

    private static String bytes(CoordinationResult r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FindingsJson.write(r, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
