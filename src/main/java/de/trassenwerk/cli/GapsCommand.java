package de.trassenwerk.cli;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.coverage.CoverageGaps;
import de.trassenwerk.coverage.DistrictGapSummary;
import de.trassenwerk.coverage.GapParameters;
import de.trassenwerk.coverage.GapStatus;
import de.trassenwerk.coverage.GapsCsv;
import de.trassenwerk.coverage.GapsJson;
import de.trassenwerk.coverage.SiteGap;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.store.AtomicFiles;
import de.trassenwerk.store.GeoPackageStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gaps GPKG [--threshold-mbps N] [--out FILE.csv|FILE.json]}: the coverage gaps of commercial land.
 * With a CSV the sites go to the file and the per-district summary to {@code <name>-districts.csv} beside
 * it; a JSON holds both. Without {@code --out} a readable table goes to standard output. Exit 0 when the
 * analysis ran (gaps are results, not failures), 2 when the input is unusable or the command misused.
 */
@Command(name = "gaps", mixinStandardHelpOptions = true,
        description = "Find commercial sites without gigabit coverage: per site the best speed of the coverage "
                + "cells over it, the gigabit share, district and quarter; per district the under-served sites "
                + "and hectares. Without --out a table goes to standard output.")
final class GapsCommand implements Callable<Integer> {
    /** The longest name shown in the table on standard output; longer ones are shortened. */
    private static final int MAX_NAME = 40;

    @Parameters(paramLabel = "GPKG", description = "The GeoPackage with commercial_sites and coverage_cells "
            + "(and optionally districts, quarters). Opened read-only.")
    Path file;

    @Option(names = "--threshold-mbps", paramLabel = "N", defaultValue = "" + GapParameters.DEFAULT_THRESHOLD_MBPS,
            description = "A site whose best download speed is below N Mbit/s is under-served (default: ${DEFAULT-VALUE}).")
    int thresholdMbps;

    @Option(names = "--out", paramLabel = "FILE.csv|FILE.json",
            description = "Write the result to this file: CSV (sites; the district summary goes to "
                    + "<name>-districts.csv beside it) or JSON (both), by its extension.")
    Path out;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", hidden = true,
            description = "Run the analysis N times on the open file and report each time (for measuring a warm JVM).")
    int repeat;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        boolean csv = false;
        if (out != null) {
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            csv = name.endsWith(".csv");
            if (!csv && !name.endsWith(".json")) {
                throw new UserFacingException("coverage.cli.error.out", null, out);
            }
        }
        GapParameters params = new GapParameters(thresholdMbps);
        CoverageGaps.Result last = null;
        try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            for (int run = 0; run < Math.max(1, repeat); run++) {
                long t0 = System.nanoTime();
                last = CoverageGaps.analyse(store, file.getFileName().toString(), params, AnalysisMonitor.NONE);
                spec.commandLine().getErr().println(Messages.get("coverage.cli.time", last.sites().size(),
                        Long.toString((System.nanoTime() - t0) / 1_000_000)));
            }
        }
        CoverageGaps.Result result = last;
        PrintWriter o = spec.commandLine().getOut();
        if (out == null) {
            printTable(result, o);
        } else if (csv) {
            Path districts = districtsFile(out);
            AtomicFiles.write(out, tmp -> {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    GapsCsv.writeSites(result.sites(), w);
                }
            });
            AtomicFiles.write(districts, tmp -> {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    GapsCsv.writeDistricts(result.districts(), w);
                }
            });
            o.println(Messages.get("coverage.cli.wrote", out));
            o.println(Messages.get("coverage.cli.wrote", districts));
        } else {
            AtomicFiles.write(out, tmp -> {
                try (OutputStream s = Files.newOutputStream(tmp)) {
                    GapsJson.write(result, s);
                }
            });
            o.println(Messages.get("coverage.cli.wrote", out));
        }
        if (out != null) {
            printTotals(result, o);
        }
        return ExitCodes.OK;
    }

    /** {@code <name>-districts.csv} beside {@code sites} ({@code gaps.csv} gives {@code gaps-districts.csv}). */
    static Path districtsFile(Path sites) {
        String name = sites.getFileName().toString();
        String base = name.substring(0, name.length() - ".csv".length());
        return sites.resolveSibling(base + "-districts.csv");
    }

    private static void printTotals(CoverageGaps.Result r, PrintWriter o) {
        long none = r.sites().stream().filter(s -> s.gapStatus() == GapStatus.NO_COVERAGE).count();
        o.println(Messages.get("coverage.cli.totals", r.sites().size(), r.underserved().size(),
                String.format(Locale.ROOT, "%.2f", r.underservedHa()), Integer.toString(r.parameters().thresholdMbps()), none));
        if (r.sitesWithoutArea() > 0) {
            o.println(Messages.get("coverage.cli.withoutArea", r.sitesWithoutArea()));
        }
    }

    /** The sites and the district summary as aligned text columns, then the totals. */
    private static void printTable(CoverageGaps.Result r, PrintWriter o) {
        List<String[]> rows = new ArrayList<>();
        rows.add(GapsCsv.SITE_COLUMNS.stream().map(c -> Messages.get("coverage.column." + c)).toArray(String[]::new));
        for (SiteGap s : r.sites()) {
            rows.add(new String[] {text(s.siteNo()), shorten(text(s.name())), text(s.district()), text(s.quarter()),
                String.format(Locale.ROOT, "%.2f", s.areaHa()), text(s.status()),
                s.bestMbps() == null ? "–" : s.bestMbps().toString(),
                s.gigabitShare() == null ? "–" : String.format(Locale.ROOT, "%.0f %%", 100 * s.gigabitShare()),
                Messages.get("coverage.gap." + s.gapStatus().key())});
        }
        printAligned(rows, new boolean[] {false, false, false, false, true, false, true, true, false}, o);
        o.println();
        List<String[]> districts = new ArrayList<>();
        districts.add(GapsCsv.DISTRICT_COLUMNS.stream().map(c -> Messages.get("coverage.column." + c))
                .toArray(String[]::new));
        for (DistrictGapSummary d : r.districts()) {
            districts.add(new String[] {d.district() == null ? Messages.get("coverage.noDistrict") : d.district(),
                Integer.toString(d.sites()), Integer.toString(d.underservedSites()),
                String.format(Locale.ROOT, "%.2f", d.underservedHa())});
        }
        printAligned(districts, new boolean[] {false, true, true, true}, o);
        o.println();
        printTotals(r, o);
    }

    private static void printAligned(List<String[]> rows, boolean[] right, PrintWriter o) {
        int[] width = new int[right.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(width[i] - row[i].length());
                line.append(right[i] ? pad + row[i] : row[i] + (i + 1 < row.length ? pad : "")).append(i + 1 < row.length ? "  " : "");
            }
            o.println(line.toString().stripTrailing());
        }
    }

    private static String text(String s) {
        return s == null ? "–" : s;
    }

    private static String shorten(String s) {
        return s.length() <= MAX_NAME ? s : s.substring(0, MAX_NAME - 1) + "…";
    }
}
