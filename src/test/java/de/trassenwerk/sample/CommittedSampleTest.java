package de.trassenwerk.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The sample city committed in sample-gpkg/ is exactly what the generator makes today. */
class CommittedSampleTest {
    @Test
    void committedSampleIsUpToDateWithTheGenerator() throws Exception {
        Path committed = Path.of("sample-gpkg", "duisburg.gpkg");
        assertTrue(Files.exists(committed), "sample-gpkg/duisburg.gpkg is missing");
        assertArrayEquals(Files.readAllBytes(Fixtures.sampleCity()), Files.readAllBytes(committed),
                "sample-gpkg/duisburg.gpkg is out of date: regenerate it with "
                        + "'java -jar target/trassenwerk.jar sample --out sample-gpkg/duisburg.gpkg'");
    }
}
