package de.trassenwerk.cli;

import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.sample.SampleCityGenerator;
import de.trassenwerk.sample.SampleCityWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sample --out FILE [--scale N] [--seed S] [--reference-date D]}: writes the sample city. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Write the generated sample city of Duisburg (all theme layers, EPSG:25832) into a new "
                + "GeoPackage. The same seed gives the same city.")
final class SampleCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The GeoPackage to write (replaced if it exists).")
    Path out;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "N",
            description = "Copies of the city side by side, for benchmarks (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: " + SampleCityGenerator.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--reference-date", paramLabel = "YYYY-MM-DD",
            description = "The sample's \"today\": dates of works, routes and surveys are relative to it "
                    + "(default: 2026-09-01). Stored in the file's metadata.")
    LocalDate referenceDate;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (scale < 1) {
            throw new UserFacingException("sample.error.scale", null, scale);
        }
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        SampleCityWriter.Summary summary = SampleCityWriter.write(out, scale,
                seed == null ? SampleCityGenerator.DEFAULT_SEED : seed,
                referenceDate == null ? SampleCityGenerator.DEFAULT_REFERENCE_DATE : referenceDate,
                msg -> {
                    err.println(msg);
                    err.flush();
                });
        long ms = (System.nanoTime() - t0) / 1_000_000;
        PrintWriter o = spec.commandLine().getOut();
        for (Map.Entry<String, Long> e : summary.counts().entrySet()) {
            o.printf(Locale.ROOT, "%-24s %10d%n", e.getKey(), e.getValue());
        }
        Runtime rt = Runtime.getRuntime();
        o.printf(Locale.ROOT, "wrote %d features to %s in %d ms (heap in use %d MB)%n", summary.total(), out, ms,
                (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        return ExitCodes.OK;
    }
}
