package de.trassenwerk.explore;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.StoreException;
import de.trassenwerk.store.ThemeLayers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;

/**
 * Finds places by what planners type: a street name, a quarter (name or three-digit code), a
 * district (name or number), a commercial site (site number or name) or a construction site
 * (reference such as {@code BS-2026-0002}). Matching is case-insensitive and pushed down to the
 * store as {@code LIKE}; hits are ranked exact, then prefix, then word prefix, then contains, then by
 * kind (districts first), length of the name matched and title. The store is asked in two stages:
 * names starting with the text or with a word starting with it, then, only when those are not
 * enough, names containing it (a text of one letter: only names starting with it). A street is many segments: all segments of one name become one
 * hit whose envelope covers them all. Layers or fields a file lacks are skipped.
 *
 * <p>Reads in two steps: names and fids of the matching rows (no geometry), then, for the hits
 * kept, the geometries to get their envelopes.
 *
 * <p>Thread rules: reads the store on the calling thread (never the JavaFX thread); holds no state
 * besides the store.
 */
public final class FeatureSearch {
    /** Rows read per layer at most when looking for candidates: bounds the work of a short text. */
    static final int MAX_CANDIDATES = 20_000;

    /** Where to look for one kind of hit, and how to title it. */
    private record Source(SearchHit.Kind kind, String layer, List<String> fields, List<String> titleFields,
            boolean mergeByFirstField, Function<Feature, String> title) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source(SearchHit.Kind.DISTRICT, ThemeLayers.DISTRICTS, List.of("name", "code"), List.of(), false,
                    f -> f.getString("name")),
            new Source(SearchHit.Kind.QUARTER, ThemeLayers.QUARTERS, List.of("name", "code"), List.of(), false,
                    f -> joined(f.getString("name"), " (", f.getString("code"), ")")),
            new Source(SearchHit.Kind.STREET, ThemeLayers.STREETS, List.of("name"), List.of(), true,
                    f -> f.getString("name")),
            new Source(SearchHit.Kind.COMMERCIAL_SITE, ThemeLayers.COMMERCIAL_SITES, List.of("site_no", "name"),
                    List.of(), false, f -> joined(f.getString("site_no"), " \u2013 ", f.getString("name"), "")),
            new Source(SearchHit.Kind.CONSTRUCTION_SITE, ThemeLayers.CONSTRUCTION_SITES, List.of("site_ref"),
                    List.of("title"), false, f -> joined(f.getString("site_ref"), " \u2013 ", f.getString("title"), "")));

    private final FeatureStore store;

    public FeatureSearch(FeatureStore store) {
        this.store = store;
    }

    /** The best {@code limit} hits for {@code text}, best first; none for a blank text. */
    public List<SearchHit> find(String text, int limit) {
        String typed = expandAbbreviations(text).strip();
        String wanted = TextPatterns.fold(typed);
        if (wanted.isEmpty() || limit < 1) {
            return List.of();
        }
        // First names that start with the text or have a word that does, then (only if there are
        // not enough of those) names that contain it: the second stage only finds hits that rank lower.
        Map<String, Candidate> found = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            if (stage == Stage.CONTAINS && wanted.length() == 1) {
                break; // one letter: only names that start with it
            }
            for (Source source : SOURCES) {
                for (Candidate c : candidates(source, stage, typed, wanted)) {
                    found.putIfAbsent(c.key(), c);
                }
            }
            if (found.size() >= limit) {
                break;
            }
        }
        List<Candidate> candidates = new ArrayList<>(found.values());
        candidates.sort(Comparator.comparing(Candidate::match).thenComparing(c -> c.source().kind())
                .thenComparingInt(Candidate::matchedLength).thenComparing(Candidate::title));
        List<Candidate> kept = candidates.subList(0, Math.min(limit, candidates.size()));
        Map<String, Envelope> envelopes = envelopes(kept);
        List<SearchHit> hits = new ArrayList<>();
        for (Candidate c : kept) {
            Envelope e = new Envelope();
            for (long fid : c.fids()) {
                Envelope f = envelopes.get(c.source().layer() + "#" + fid);
                if (f != null) {
                    e.expandToInclude(f);
                }
            }
            hits.add(new SearchHit(c.source().kind(), c.title(), c.source().layer(), c.fids(), e.isNull() ? null : e,
                    c.match()));
        }
        return hits;
    }

    /** A hit before its envelope is known; {@code matchedLength}: of the value that matched best. */
    private record Candidate(Source source, String title, List<Long> fids, SearchHit.Match match, int matchedLength,
            String key) {
    }

    /** The SQL patterns of one search stage. */
    private enum Stage { WORD_START, CONTAINS }

    private List<Candidate> candidates(Source source, Stage stage, String typed, String wanted) {
        LayerSchema schema = schemaOrNull(source.layer());
        if (schema == null || !source.fields().stream().allMatch(f -> schema.field(f).isPresent())) {
            return List.of();
        }
        List<AttributeFilter> any = new ArrayList<>();
        for (String field : source.fields()) {
            switch (stage) {
                case WORD_START -> {
                    any.add(TextPatterns.startsWith(field, typed));
                    if (wanted.length() > 1) {
                        any.add(TextPatterns.contains(field, " " + typed));
                        any.add(TextPatterns.contains(field, "-" + typed));
                    }
                }
                default -> any.add(TextPatterns.contains(field, typed));
            }
        }
        List<String> read = new ArrayList<>(source.fields());
        source.titleFields().stream().filter(f -> schema.field(f).isPresent()).forEach(read::add);
        Query q = Query.where(new AttributeFilter.Or(any)).withFields(read, false).page(0, MAX_CANDIDATES);
        Map<String, Candidate> merged = new LinkedHashMap<>();
        Map<String, List<Long>> mergedFids = new HashMap<>();
        List<Candidate> out = new ArrayList<>();
        for (Feature f : store.read(source.layer(), q)) {
            SearchHit.Match best = null;
            int length = 0;
            for (String field : source.fields()) {
                SearchHit.Match m = match(f.getString(field), wanted);
                if (m != null && (best == null || m.compareTo(best) < 0)) {
                    best = m;
                    length = f.getString(field).length();
                }
            }
            if (best == null) {
                continue; // a LIKE wildcard in the text matched more than the text itself
            }
            String title = source.title().apply(f);
            if (!source.mergeByFirstField()) {
                out.add(new Candidate(source, title, List.of(f.fid()), best, length, source.layer() + "#" + f.fid()));
                continue;
            }
            String key = TextPatterns.fold(f.getString(source.fields().get(0)));
            mergedFids.computeIfAbsent(key, k -> new ArrayList<>()).add(f.fid());
            merged.putIfAbsent(key, new Candidate(source, title, List.of(), best, length, source.layer() + "#" + key));
        }
        for (Map.Entry<String, Candidate> e : merged.entrySet()) {
            Candidate c = e.getValue();
            out.add(new Candidate(source, c.title(), mergedFids.get(e.getKey()), c.match(), c.matchedLength(), c.key()));
        }
        return out;
    }

    /** How {@code value} matches the folded text, or null when it does not. */
    static SearchHit.Match match(String value, String wanted) {
        if (value == null) {
            return null;
        }
        String v = TextPatterns.fold(value);
        if (v.equals(wanted)) {
            return SearchHit.Match.EXACT;
        }
        if (v.startsWith(wanted)) {
            return SearchHit.Match.PREFIX;
        }
        int at = v.indexOf(wanted);
        while (at > 0) {
            if (!Character.isLetterOrDigit(v.charAt(at - 1))) {
                return SearchHit.Match.WORD_PREFIX;
            }
            at = v.indexOf(wanted, at + 1);
        }
        return v.contains(wanted) ? SearchHit.Match.CONTAINS : null;
    }

    /** Envelopes of the kept hits' features, keyed "layer#fid": one read per layer. */
    private Map<String, Envelope> envelopes(List<Candidate> kept) {
        Map<String, List<Long>> fidsByLayer = new LinkedHashMap<>();
        for (Candidate c : kept) {
            fidsByLayer.computeIfAbsent(c.source().layer(), k -> new ArrayList<>()).addAll(c.fids());
        }
        Map<String, Envelope> out = new HashMap<>();
        for (Map.Entry<String, List<Long>> e : fidsByLayer.entrySet()) {
            Query q = Query.where(FidFilter.of(e.getValue())).withFields(List.of(), true);
            store.read(e.getKey(), q, f -> {
                if (f.geometry() != null && !f.geometry().isEmpty()) {
                    out.put(e.getKey() + "#" + f.fid(), f.geometry().getEnvelopeInternal());
                }
            });
        }
        return out;
    }

    private LayerSchema schemaOrNull(String layer) {
        try {
            LayerSchema s = store.schema(layer);
            return s.hasGeometry() ? s : null;
        } catch (StoreException noSuchLayer) {
            return null;
        }
    }

    /** "Str." as typed in addresses stands for "Stra\u00dfe". */
    private static String expandAbbreviations(String text) {
        return text.replaceAll("(?i)str\\.(?=\\s|$)", "stra\u00dfe");
    }

    private static String joined(String first, String between, String second, String after) {
        if (second == null || second.isBlank()) {
            return first == null ? "" : first;
        }
        return (first == null ? "" : first) + between + second + after;
    }
}
