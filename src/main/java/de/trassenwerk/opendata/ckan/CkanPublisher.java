package de.trassenwerk.opendata.ckan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.trassenwerk.opendata.CatalogueInfo;
import de.trassenwerk.opendata.DatasetInfo;
import de.trassenwerk.opendata.Publication;
import de.trassenwerk.opendata.PublishedDataset;
import de.trassenwerk.opendata.PublishedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a publication onto a CKAN portal, idempotently: for each dataset it asks
 * {@code package_show} whether the name exists, then {@code package_create} or
 * {@code package_update} (keeping the resources the portal has), and uploads each file with
 * {@code resource_create}, or {@code resource_update} where a resource of the same file name
 * exists — publishing again updates the same dataset, it never makes a second one. The metadata
 * goes into CKAN's fields and the extras that ckanext-dcat/dcatde map to DCAT-AP.de.
 *
 * <p>Thread rules: {@link #publish} blocks on the network; run it on a worker thread. Stateless
 * apart from the API it talks to.
 */
public final class CkanPublisher {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What happened to one dataset on the portal. */
    public record Outcome(String dataset, boolean created, int resourcesCreated, int resourcesUpdated) {
    }

    private final CkanApi api;
    private final String organisation;

    /** Publishes into the CKAN organisation {@code organisation} (its name or id) through {@code api}. */
    public CkanPublisher(CkanApi api, String organisation) {
        this.api = api;
        this.organisation = organisation;
    }

    /** Creates or updates every dataset of {@code p}, uploading the files from {@code folder}. */
    public List<Outcome> publish(Publication p, Path folder) {
        List<Outcome> out = new ArrayList<>();
        for (PublishedDataset d : p.datasets()) {
            JsonNode existing = existing(d.info().name());
            int created = 0;
            int updated = 0;
            for (CkanRequest r : requests(p, d, folder, organisation, existing)) {
                api.call(r);
                if (r.action().equals("resource_create")) {
                    created++;
                } else if (r.action().equals("resource_update")) {
                    updated++;
                }
            }
            out.add(new Outcome(d.info().name(), existing == null, created, updated));
        }
        return out;
    }

    private JsonNode existing(String name) {
        try {
            return api.call(show(name));
        } catch (CkanException e) {
            if (e.isNotFound()) {
                return null;
            }
            throw e;
        }
    }

    static CkanRequest show(String name) {
        return CkanRequest.get("package_show", Map.of("id", name));
    }

    /**
     * The write requests for one dataset: package create or update, then one resource request per
     * file, into the CKAN {@code organisation}. {@code existing} is the portal's {@code package_show} result, or null when the dataset
     * is not there yet.
     */
    static List<CkanRequest> requests(Publication p, PublishedDataset d, Path folder, String organisation,
            JsonNode existing) {
        List<CkanRequest> out = new ArrayList<>();
        ObjectNode pkg = packageDict(p, d, organisation);
        Map<String, String> resourceIds = new LinkedHashMap<>();
        if (existing != null) {
            pkg.put("id", existing.path("id").asText());
            ArrayNode keep = pkg.putArray("resources");
            for (JsonNode r : existing.path("resources")) {
                keep.add(r);
                resourceIds.put(r.path("name").asText(), r.path("id").asText());
            }
            out.add(CkanRequest.post("package_update", pkg));
        } else {
            out.add(CkanRequest.post("package_create", pkg));
        }
        for (PublishedFile f : d.files()) {
            Map<String, String> form = resourceForm(p, d.info(), f);
            String id = resourceIds.get(f.fileName());
            if (id != null) {
                form.put("id", id);
                out.add(CkanRequest.upload("resource_update", form, folder.resolve(f.fileName())));
            } else {
                form.put("package_id", d.info().name());
                out.add(CkanRequest.upload("resource_create", form, folder.resolve(f.fileName())));
            }
        }
        return out;
    }

    private static ObjectNode packageDict(Publication p, PublishedDataset d, String organisation) {
        DatasetInfo info = d.info();
        CatalogueInfo c = p.catalogue();
        ObjectNode pkg = JSON.createObjectNode();
        pkg.put("name", info.name());
        pkg.put("title", info.title());
        pkg.put("notes", info.description());
        pkg.put("owner_org", organisation);
        pkg.put("private", false);
        pkg.put("license_id", info.licence().uri());
        pkg.put("author", info.publisher().name());
        pkg.put("maintainer", info.contactPoint().organisation());
        pkg.put("maintainer_email", info.contactPoint().email());
        ArrayNode tags = pkg.putArray("tags");
        info.keywords().forEach(k -> tags.addObject().put("name", k));
        ArrayNode extras = pkg.putArray("extras");
        extra(extras, "contributorID", JSON.createArrayNode().add(c.contributorId()).toString());
        extra(extras, "politicalGeocodingURI", JSON.createArrayNode().add(c.politicalGeocodingUri()).toString());
        extra(extras, "politicalGeocodingLevelURI", c.politicalGeocodingLevelUri());
        ArrayNode themes = JSON.createArrayNode();
        info.themes().forEach(t -> themes.add(t.uri()));
        extra(extras, "theme", themes.toString());
        extra(extras, "frequency", info.updateFrequency().uri());
        extra(extras, "temporal_start", d.temporal().start().toString());
        extra(extras, "temporal_end", d.temporal().end().toString());
        if (d.extentWgs84() != null) {
            var e = d.extentWgs84();
            String w = lonLat(e.getMinX());
            String so = lonLat(e.getMinY());
            String ea = lonLat(e.getMaxX());
            String n = lonLat(e.getMaxY());
            extra(extras, "spatial", "{\"type\":\"Polygon\",\"coordinates\":[[[" + w + "," + so + "],[" + ea + "," + so
                    + "],[" + ea + "," + n + "],[" + w + "," + n + "],[" + w + "," + so + "]]]}");
        }
        return pkg;
    }

    private static String lonLat(double degrees) {
        return String.format(java.util.Locale.ROOT, "%.7f", degrees);
    }

    private static void extra(ArrayNode extras, String key, String value) {
        extras.addObject().put("key", key).put("value", value);
    }

    private static Map<String, String> resourceForm(Publication p, DatasetInfo info, PublishedFile f) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", f.fileName());
        form.put("description", f.format().describe(p.catalogue().locale()));
        form.put("format", f.format().label());
        form.put("mimetype", f.format().mediaType());
        form.put("license", info.licence().uri());
        form.put("licenseAttributionByText", info.attribution());
        form.put("conforms_to", JSON.createArrayNode().add(f.format().crsUri()).toString());
        form.put("hash", f.sha256());
        form.put("hash_algorithm", "http://spdx.org/rdf/terms#checksumAlgorithm_sha256");
        return form;
    }
}
