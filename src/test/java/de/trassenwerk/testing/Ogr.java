package de.trassenwerk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Runs GDAL's command-line tools in tests; tests that need them are skipped with a message when they are missing. */
public final class Ogr {
    private Ogr() {
    }

    /** Skips the calling test (class) when ogr2ogr is not installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Fixtures.onPath("ogr2ogr") && Fixtures.onPath("ogrinfo"),
                "GDAL (ogr2ogr, ogrinfo) is not installed: tests with GDAL-written files skipped");
    }

    /** Runs {@code ogr2ogr args...} in {@code dir}; fails the test when it fails. */
    public static void ogr2ogr(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr"));
        cmd.addAll(List.of(args));
        Fixtures.Run r = Fixtures.run(dir, cmd.toArray(new String[0]));
        assertEquals(0, r.exit(), String.join(" ", cmd) + "\n" + r.err());
    }
}
