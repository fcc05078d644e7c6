package de.trassenwerk.opendata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a publication policy from JSON, strictly (see {@link PolicyNode}): unknown entries, missing
 * values and unsafe rules are errors, never silently ignored. The file format is documented in
 * {@code docs/opendata.md}. Stateless; any thread.
 */
final class PolicyReader {
    static final String FORMAT = "trassenwerk-publication-policy";
    /** CKAN's rule for dataset names, which the portals share: 2–100 of a–z, 0–9, - and _. */
    static final Pattern NAME = Pattern.compile("[a-z0-9_-]{2,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern MUNICIPALITY_KEY = Pattern.compile("\\d{8}");
    private static final String CONTRIBUTORS = "http://dcat-ap.de/def/contributors/";

    private final String source;
    private final Set<String> datasetNames = new HashSet<>();

    private PolicyReader(String source) {
        this.source = source;
    }

    static PublicationPolicy read(String json, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new PolicyException("opendata.policy.error.json", e, source, "", e.getOriginalMessage(),
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr());
        }
        return new PolicyReader(source).policy(new PolicyNode(root, source, ""));
    }

    private PublicationPolicy policy(PolicyNode root) {
        root.allowOnly("format", "version", "personal_fields", "restricted_marker", "areas", "catalogue", "layers");
        if (!FORMAT.equals(root.text("format"))) {
            throw root.fail("opendata.policy.error.format", FORMAT);
        }
        if (root.number("version") != 1) {
            throw root.fail("opendata.policy.error.version");
        }
        List<String> personal = root.optTexts("personal_fields");
        if (personal == null) {
            personal = PublicationPolicy.DEFAULT_PERSONAL_FIELDS;
        }
        String marker = root.optText("restricted_marker");
        PolicyNode a = root.object("areas");
        a.allowOnly("layer", "code_field", "name_field");
        AreaLayer areas = new AreaLayer(a.text("layer"), a.text("code_field"), a.text("name_field"));
        CatalogueInfo catalogue = catalogue(root.object("catalogue"));
        Map<String, LayerRule> layers = new LinkedHashMap<>();
        for (Map.Entry<String, PolicyNode> e : root.objectMembers("layers").entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (layers.containsKey(key)) {
                throw e.getValue().fail("opendata.policy.error.duplicate", e.getKey());
            }
            layers.put(key, layer(e.getValue(), catalogue, personal));
        }
        for (LayerRule r : layers.values()) {
            if (r.aggregate() != null && layers.containsKey(r.aggregate().layer())) {
                throw root.fail("opendata.policy.error.duplicate", r.aggregate().layer());
            }
        }
        return new PublicationPolicy(source, personal, marker, areas, catalogue, layers);
    }

    private CatalogueInfo catalogue(PolicyNode c) {
        c.allowOnly("title", "description", "language", "publisher", "contact_point", "licence", "attribution",
                "contributor_id", "municipality_key");
        String contributor = c.text("contributor_id");
        if (!contributor.startsWith(CONTRIBUTORS) || contributor.length() == CONTRIBUTORS.length()) {
            throw c.fail("opendata.policy.error.contributor", contributor, CONTRIBUTORS);
        }
        String language = c.text("language");
        if (!language.equals("de") && !language.equals("en")) {
            throw c.fail("opendata.policy.error.language", language);
        }
        String key = c.text("municipality_key");
        if (!MUNICIPALITY_KEY.matcher(key).matches()) {
            throw c.fail("opendata.policy.error.municipalityKey", key);
        }
        return new CatalogueInfo(c.text("title"), c.text("description"), language,
                publisher(c.object("publisher")), contact(c.object("contact_point")), licence(c, "licence", null),
                c.text("attribution"), contributor, key);
    }

    private static Organisation publisher(PolicyNode p) {
        p.allowOnly("name", "uri");
        return new Organisation(p.text("name"), p.text("uri"));
    }

    private static ContactPoint contact(PolicyNode p) {
        p.allowOnly("organisation", "email");
        String email = p.text("email");
        if (!EMAIL.matcher(email).matches()) {
            throw p.fail("opendata.policy.error.email", email);
        }
        return new ContactPoint(p.text("organisation"), email);
    }

    private static Licence licence(PolicyNode n, String key, Licence fallback) {
        String id = fallback == null ? n.text(key) : n.optText(key);
        if (id == null) {
            return fallback;
        }
        return Licence.byId(id).orElseThrow(() -> n.fail("opendata.policy.error.licence", id,
                String.join(", ", Licence.KNOWN.stream().map(Licence::id).toList())));
    }

    private LayerRule layer(PolicyNode l, CatalogueInfo catalogue, List<String> personal) {
        LayerAccess access = l.choice("access", LayerAccess.class, LayerAccess::key, null);
        if (access != LayerAccess.PUBLIC) {
            l.allowOnly("access", "reason", "aggregate");
            AggregateRule aggregate = l.has("aggregate") ? aggregate(l.object("aggregate"), catalogue) : null;
            return new LayerRule(access, l.text("reason"), GeometryRule.KEEP, Map.of(), List.of(), null, null, aggregate);
        }
        l.allowOnly("access", "reason", "geometry", "fields", "rows", "temporal", "dataset");
        Map<String, FieldRule> fields = new LinkedHashMap<>();
        PolicyNode fieldsNode = l.object("fields");
        for (Map.Entry<String, String> f : l.textMembers("fields").entrySet()) {
            FieldRule rule = null;
            for (FieldRule r : FieldRule.values()) {
                if (r.key().equals(f.getValue())) {
                    rule = r;
                }
            }
            if (rule == null) {
                throw new PolicyException("opendata.policy.error.badValue", null, source,
                        fieldsNode.path() + "." + f.getKey(), f.getValue(), "keep, drop, month");
            }
            if (rule != FieldRule.DROP && personal.stream().anyMatch(p -> p.equalsIgnoreCase(f.getKey()))) {
                throw new PolicyException("opendata.policy.error.personalKept", null, source,
                        fieldsNode.path() + "." + f.getKey(), f.getKey());
            }
            fields.put(f.getKey(), rule);
        }
        List<RowCondition> rows = conditions(l, "rows");
        GeometryRule geometry = l.choice("geometry", GeometryRule.class, GeometryRule::key, GeometryRule.KEEP);
        return new LayerRule(access, l.optText("reason"), geometry, fields, rows, l.optTexts("temporal"),
                dataset(l.object("dataset"), catalogue), null);
    }

    private AggregateRule aggregate(PolicyNode a, CatalogueInfo catalogue) {
        a.allowOnly("layer", "field", "when", "dataset");
        String layer = a.text("layer");
        if (!NAME.matcher(layer).matches()) {
            throw a.fail("opendata.policy.error.layerName", layer);
        }
        return new AggregateRule(layer, a.text("field"), conditions(a, "when"), dataset(a.object("dataset"), catalogue));
    }

    private static List<RowCondition> conditions(PolicyNode n, String key) {
        List<RowCondition> out = new ArrayList<>();
        for (PolicyNode c : n.objects(key)) {
            c.allowOnly("field", "in", "at_least");
            if (c.has("in") == c.has("at_least")) {
                throw c.fail("opendata.policy.error.condition");
            }
            out.add(c.has("in") ? RowCondition.in(c.text("field"), c.texts("in"))
                    : RowCondition.atLeast(c.text("field"), c.number("at_least")));
        }
        return out;
    }

    private DatasetInfo dataset(PolicyNode d, CatalogueInfo catalogue) {
        d.allowOnly("name", "title", "description", "keywords", "themes", "licence", "publisher", "contact_point",
                "attribution", "update_frequency");
        String name = d.text("name");
        if (!NAME.matcher(name).matches()) {
            throw d.fail("opendata.policy.error.datasetName", name);
        }
        if (!datasetNames.add(name)) {
            throw d.fail("opendata.policy.error.duplicate", name);
        }
        List<DataTheme> themes = new ArrayList<>();
        for (String t : d.texts("themes")) {
            try {
                themes.add(DataTheme.valueOf(t));
            } catch (IllegalArgumentException e) {
                throw d.fail("opendata.policy.error.theme", t);
            }
        }
        if (themes.isEmpty()) {
            throw d.fail("opendata.policy.error.missing");
        }
        return new DatasetInfo(name, d.text("title"), d.text("description"), d.texts("keywords"), themes,
                licence(d, "licence", catalogue.licence()),
                d.has("publisher") ? publisher(d.object("publisher")) : catalogue.publisher(),
                d.has("contact_point") ? contact(d.object("contact_point")) : catalogue.contactPoint(),
                d.has("attribution") ? d.text("attribution") : catalogue.attribution(),
                d.choice("update_frequency", UpdateFrequency.class, Enum::name, null));
    }
}
