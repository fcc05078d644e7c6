package de.trassenwerk.io.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import de.trassenwerk.store.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the fields of a source become the fields of a target layer, saved as a JSON file and reused
 * for every delivery of the same feed. Each rule names a source field ({@code from}), the target
 * field(s) ({@code to}) and a conversion; values are then converted to the target field's type
 * (numbers with decimal comma, ja/nein booleans, German or ISO dates). {@code footprints} turns
 * line (and point) features into polygons for polygon layers. Immutable; see
 * {@code docs/import.md} for the format and {@code mappings/} for the shipped files.
 *
 * @param description what the mapping is for
 * @param layer the target layer it was made for (a suggestion; the import names the target)
 * @param fields the rules, in order
 * @param footprints how lines become footprints, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldMapping(String description, String layer, List<Rule> fields, Footprints footprints) {

    /** The conversions a rule can apply before the value is converted to the field's type. */
    public enum Conversion {
        /** The value as it is. */
        @JsonProperty("copy") COPY,
        /** "01.03.25 - 30.06.25" into two date fields (start, end); two-digit years are 20YY. */
        @JsonProperty("german_date_range") GERMAN_DATE_RANGE,
        /** The value looked up in {@code values} (case-insensitive), else {@code otherwise}. */
        @JsonProperty("lookup") LOOKUP,
        /** The first of {@code keywords} the value contains (case-insensitive), else {@code otherwise}. */
        @JsonProperty("classify") CLASSIFY,
        /** Always {@code value}; no source field. */
        @JsonProperty("constant") CONSTANT
    }

    /**
     * One rule. {@code to} is one field, or two for {@link Conversion#GERMAN_DATE_RANGE}. Without
     * {@code otherwise}, a value that {@code values}/{@code keywords} do not cover fails the import.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(String from, List<String> to, Conversion convert, Map<String, String> values,
            Map<String, String> keywords, String otherwise, Object value) {

        public Rule {
            to = to == null ? List.of() : List.copyOf(to);
            convert = convert == null ? (value != null && from == null ? Conversion.CONSTANT : Conversion.COPY) : convert;
        }

        public static Rule copy(String from, String to) {
            return new Rule(from, List.of(to), Conversion.COPY, null, null, null, null);
        }
    }

    /**
     * Lines become polygons buffered by half the street width, with flat ends; points become circles
     * of that radius. The width is {@code width_field} of the nearest street of {@code streets_layer}
     * in the target GeoPackage within {@code search_distance_m}, else {@code default_street_width_m}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Footprints(Double defaultStreetWidthM, String streetsLayer, String widthField,
            Double searchDistanceM) {

        public double defaultWidth() {
            return defaultStreetWidthM == null ? 8.0 : defaultStreetWidthM;
        }

        public double searchDistance() {
            return searchDistanceM == null ? 15.0 : searchDistanceM;
        }
    }

    static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public FieldMapping {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** Reads and checks a mapping file. */
    public static FieldMapping read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return checked(JSON.readValue(in, FieldMapping.class), file.toString());
        } catch (JsonProcessingException e) {
            throw new MappingException("mapping.error.json", e, file.toString(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new MappingException("mapping.error.unreadable", e, file.toString(), e.getMessage());
        }
    }

    /** The mappings shipped with Trassenwerk, by name (the file name without {@code .json}). */
    public static List<String> shippedNames() {
        return List.of("dugis-districts", "dugis-construction-sites");
    }

    /** A shipped mapping by name. */
    public static Optional<FieldMapping> shipped(String name) {
        if (!shippedNames().contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = FieldMapping.class.getResourceAsStream(name + ".json")) {
            return Optional.of(checked(JSON.readValue(in, FieldMapping.class), name));
        } catch (IOException e) {
            throw new MappingException("mapping.error.unreadable", e, name, e.getMessage());
        }
    }

    /** Saves this mapping as JSON; the file is replaced in one step, never left half-written. */
    public void write(Path file) {
        try {
            String text = JSON.writeValueAsString(this) + "\n";
            AtomicFiles.write(file, tmp -> Files.writeString(tmp, text));
        } catch (IOException e) {
            throw new MappingException("mapping.error.unwritable", e, file.toString(), e.getMessage());
        }
    }

    private static FieldMapping checked(FieldMapping m, String where) {
        for (int i = 0; i < m.fields().size(); i++) {
            Rule r = m.fields().get(i);
            int n = i + 1;
            int targets = r.convert() == Conversion.GERMAN_DATE_RANGE ? 2 : 1;
            if (r.to().size() != targets) {
                throw new MappingException("mapping.error.targets", null, where, n, targets);
            }
            if ((r.convert() == Conversion.CONSTANT) != (r.from() == null)) {
                throw new MappingException("mapping.error.from", null, where, n);
            }
            if (r.convert() == Conversion.LOOKUP && r.values() == null
                    || r.convert() == Conversion.CLASSIFY && r.keywords() == null) {
                throw new MappingException("mapping.error.table", null, where, n);
            }
        }
        return m;
    }
}
