package de.trassenwerk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code bench render} runs and prints its figures; what they are is not tested (they are figures). */
class BenchCommandTest {

    @Test
    void benchRenderPrintsEveryFigureAndTheLevelOfDetailRuleHolds() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TrassenwerkCommand.execute(new String[] {"bench", "render", "--runs", "1", "--warm-up", "2", "--window-warm-up", "3", "--sample",
            Fixtures.sampleCity().toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        Map<String, String> figures = new LinkedHashMap<>();
        for (String line : out.toString().split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                figures.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        for (String name : new String[] {"sample_full_ms", "sample_full_p95_ms", "sample_full_cpu_ms",
            "sample_window_5x3km_ms", "sample_full_detail_ms", "sample_overview_layers"}) {
            assertTrue(figures.containsKey(name), name + " missing in\n" + out);
        }
        assertTrue(Long.parseLong(figures.get("sample_full_ms")) > 0);
        assertEquals("3", figures.get("window_warm_up"));
        assertEquals("coverage_cells,streets", figures.get("sample_overview_layers"));
        assertTrue(Double.parseDouble(figures.get("sample_full_lod_match_pct")) >= 98.0, out.toString());
    }

    @Test
    void benchRoutingPrintsItsFiguresAndOurSearchAgreesWithJGraphT() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TrassenwerkCommand.execute(new String[] {"bench", "routing", "--routes", "20", "--sample",
            Fixtures.sampleCity().toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        Map<String, String> figures = new LinkedHashMap<>();
        for (String line : out.toString().split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                figures.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        for (String name : new String[] {"sample_load_and_graph_ms", "sample_junctions", "sample_route_p50_ms",
            "sample_route_p95_ms", "sample_search_p50_ms", "sample_jgrapht_search_p50_ms", "sample_all_gaps_ms",
            "sample_all_gaps_with_graph_and_coverage_ms"}) {
            assertTrue(figures.containsKey(name), name + " missing in\n" + out);
        }
        assertEquals("0", figures.get("sample_jgrapht_cost_differs"), "both searches find the same costs");
        assertEquals("1", figures.get("sample_parts"));
    }
}
