package de.trassenwerk.opendata;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Everything the metadata writers need about one publication: the plan (with the withheld layers),
 * the written datasets, when it was made, the source GeoPackage's file name (never its path), and
 * the base URL the files will be served from (null: links relative to the folder). Immutable.
 */
public record Publication(PublicationPlan plan, List<PublishedDataset> datasets, Instant publishedAt, String sourceName,
        URI baseUrl) {

    public Publication {
        datasets = List.copyOf(datasets);
    }

    public CatalogueInfo catalogue() {
        return plan.policy().catalogue();
    }

    /** The address of a file of the folder: absolute under the base URL, else relative. */
    public String url(String fileName) {
        return baseUrl == null ? fileName : baseUrl.resolve(fileName).toString();
    }

    /** The identifier (IRI) of a dataset: under the base URL, else relative to the folder. */
    public String datasetIri(DatasetInfo info) {
        return url("catalog.jsonld#" + info.name());
    }
}
