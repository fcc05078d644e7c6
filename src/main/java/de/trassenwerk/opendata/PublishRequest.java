package de.trassenwerk.opendata;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to publish: the source GeoPackage, the folder to create, the policy, the source layers to
 * consider (null: all), the formats, the base URL the folder will be served from (null: relative
 * links), and metadata edited by hand, by dataset name. Immutable.
 */
public record PublishRequest(Path source, Path outDir, PublicationPolicy policy, List<String> layers,
        Set<Format> formats, URI baseUrl, Map<String, DatasetInfo> editedMetadata) {

    public PublishRequest {
        layers = layers == null ? null : List.copyOf(layers);
        formats = formats == null || formats.isEmpty() ? EnumSet.allOf(Format.class) : EnumSet.copyOf(formats);
        editedMetadata = editedMetadata == null ? Map.of() : Map.copyOf(editedMetadata);
    }

    /** All layers, all formats, relative links, the metadata of the policy. */
    public static PublishRequest of(Path source, Path outDir, PublicationPolicy policy) {
        return new PublishRequest(source, outDir, policy, null, null, null, null);
    }
}
