package de.trassenwerk.opendata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/** Writes the JSON files of a publication: UTF-8, indented, non-ASCII as it is. Any thread. */
final class JsonFiles {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {
    }

    static void write(ObjectNode root, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), root);
    }
}
