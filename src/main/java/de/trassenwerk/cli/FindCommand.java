package de.trassenwerk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.trassenwerk.explore.FeatureSearch;
import de.trassenwerk.explore.SearchHit;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.store.GeoPackageStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code find FILE TEXT [--limit N] [--json]}: streets, quarters, districts, commercial sites and
 * construction sites whose name, number or reference matches TEXT, best first, with their extent.
 * Prints {@code search_ms=N}: the time of the search alone, without opening the file; with
 * {@code --repeat R} the search runs R times in the same process and the median time is printed
 * (the figure of a warmed-up workbench rather than of a cold start).
 */
@Command(name = "find", mixinStandardHelpOptions = true,
        description = "Find streets, quarters, districts, commercial sites (site number or name) and construction "
                + "sites (reference) by name or number, case-insensitive, best matches first.")
final class FindCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The GeoPackage (opened read-only).")
    Path file;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT",
            description = "What to look for; several words are one text.")
    List<String> words;

    @Option(names = "--limit", defaultValue = "10", paramLabel = "N",
            description = "At most N hits (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--repeat", defaultValue = "1", paramLabel = "R",
            description = "Run the search R times and report the median time (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || repeat < 1) {
            throw new UserFacingException("cli.find.error.limit", null, limit, repeat);
        }
        String text = String.join(" ", words);
        List<SearchHit> hits;
        long micros;
        try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            FeatureSearch search = new FeatureSearch(store);
            long[] times = new long[repeat];
            hits = List.of();
            for (int i = 0; i < repeat; i++) {
                long start = System.nanoTime();
                hits = search.find(text, limit);
                times[i] = (System.nanoTime() - start) / 1000;
            }
            java.util.Arrays.sort(times);
            micros = times[repeat / 2];
        }
        String ms = String.format(Locale.ROOT, "%.1f", micros / 1000.0);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("text", text);
            root.put("search_ms", micros / 1000.0);
            ArrayNode array = root.putArray("hits");
            for (SearchHit h : hits) {
                ObjectNode o = array.addObject();
                o.put("kind", kind(h));
                o.put("title", h.title());
                o.put("match", h.match().name().toLowerCase(Locale.ROOT));
                o.put("layer", h.layer());
                ArrayNode fids = o.putArray("fids");
                h.fids().forEach(fids::add);
                Envelope e = h.envelope();
                if (e == null) {
                    o.putNull("extent");
                } else {
                    o.putArray("extent").add(e.getMinX()).add(e.getMinY()).add(e.getMaxX()).add(e.getMaxY());
                }
            }
            out.println(Json.MAPPER.writeValueAsString(root));
            return ExitCodes.OK;
        }
        for (SearchHit h : hits) {
            Envelope e = h.envelope();
            out.printf(Locale.ROOT, "%-17s %-40s %-18s %5d  %s%n", kind(h), h.title(), h.layer(), h.fids().size(),
                    e == null ? "-" : String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f", e.getMinX(), e.getMinY(),
                            e.getMaxX(), e.getMaxY()));
        }
        if (hits.isEmpty()) {
            out.println("nothing found for \"" + text + "\"");
        }
        out.println("search_ms=" + ms);
        return ExitCodes.OK;
    }

    private static String kind(SearchHit h) {
        return h.kind().name().toLowerCase(Locale.ROOT);
    }
}
