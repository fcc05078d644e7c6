package de.trassenwerk.testing;

import de.trassenwerk.sample.SampleCityGenerator;
import de.trassenwerk.sample.SampleCityWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Shared test fixtures: the sample city (generated once per test run) and small helpers. */
public final class Fixtures {
    private static Path sampleCity;

    private Fixtures() {
    }

    /** The scale-1 sample city, generated once into a temporary folder and shared (read-only!). */
    public static synchronized Path sampleCity() {
        if (sampleCity == null) {
            try {
                Path dir = Files.createTempDirectory("trassenwerk-sample");
                Path file = dir.resolve("duisburg.gpkg");
                SampleCityWriter.write(file, 1, SampleCityGenerator.DEFAULT_SEED,
                        SampleCityGenerator.DEFAULT_REFERENCE_DATE, msg -> { });
                file.toFile().setReadOnly();
                sampleCity = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sampleCity;
    }

    public static Geometry wkt(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static Map<String, Object> attrs(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Runs a program; returns its exit code, standard output and error. */
    public record Run(int exit, String out, String err) {
    }

    public static Run run(Path dir, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            int code = p.waitFor();
            return new Run(code, new String(out, java.nio.charset.StandardCharsets.UTF_8),
                    new String(err, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether a command is on the PATH. */
    public static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
