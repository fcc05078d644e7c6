package de.trassenwerk.opendata;

import de.trassenwerk.i18n.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What may be published, and how: per layer its access ({@link LayerAccess}), the fields it lists
 * with their rules (anything not listed is withheld: deny by default), row conditions, the geometry
 * rule and the dataset metadata; the list of personal fields (dropped everywhere, whatever a layer
 * says); the field that marks single features as restricted (never published, not even counted);
 * the area layer for generalising; the catalogue metadata. Read from JSON ({@link #load},
 * {@link #defaults()}); immutable, any thread.
 *
 * @param source           where the policy came from (a file name or {@code default}), for messages
 * @param personalFields   fields holding personal data, dropped in every layer
 * @param restrictedMarker boolean field marking features that never leave the office (null: none)
 * @param areas            the areas geometries are generalised to and aggregates counted in
 * @param catalogue        catalogue metadata and defaults
 * @param layers           rules by lower-case layer name
 */
public record PublicationPolicy(String source, List<String> personalFields, String restrictedMarker, AreaLayer areas,
        CatalogueInfo catalogue, Map<String, LayerRule> layers) {

    /** The personal fields when a policy file does not list its own. */
    public static final List<String> DEFAULT_PERSONAL_FIELDS = List.of("contact_person");
    /** The shipped default policy, a class-path resource (a copy lives in the top-level {@code opendata/} folder). */
    public static final String DEFAULT_RESOURCE = "publication-policy.json";

    public PublicationPolicy {
        personalFields = List.copyOf(personalFields);
        layers = Map.copyOf(layers);
    }

    /** The shipped default policy. */
    public static PublicationPolicy defaults() {
        try (InputStream in = PublicationPolicy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a policy file; {@link PolicyException} when it cannot be used. */
    public static PublicationPolicy load(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserFacingException("opendata.policy.error.read", e, file.toString());
        }
        return parse(json, file.getFileName().toString());
    }

    /** Reads a policy from JSON text; {@code source} names it in messages. */
    public static PublicationPolicy parse(String json, String source) {
        return PolicyReader.read(json, source);
    }

    /** The rule for a layer (case-insensitive), if the policy names it. */
    public Optional<LayerRule> rule(String layer) {
        return Optional.ofNullable(layers.get(layer.toLowerCase(Locale.ROOT)));
    }

    /** Whether a field holds personal data by this policy's list. */
    public boolean isPersonal(String field) {
        return personalFields.stream().anyMatch(p -> p.equalsIgnoreCase(field));
    }
}
