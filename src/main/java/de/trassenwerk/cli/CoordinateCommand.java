package de.trassenwerk.cli;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.coordination.ContactList;
import de.trassenwerk.coordination.CoordinationAnalysis;
import de.trassenwerk.coordination.CoordinationParameters;
import de.trassenwerk.coordination.CoordinationResult;
import de.trassenwerk.coordination.CostModel;
import de.trassenwerk.coordination.Finding;
import de.trassenwerk.coordination.FindingKind;
import de.trassenwerk.coordination.FindingsCsv;
import de.trassenwerk.coordination.FindingsJson;
import de.trassenwerk.coordination.FindingsLayer;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.store.GeoPackageStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coordinate GPKG [...]}: co-laying chances, moratorium clashes and double digs of a
 * GeoPackage, as JSON (standard output or {@code --out FILE.json}) or CSV ({@code --out FILE.csv});
 * {@code --save} keeps them in the file's {@code coordination_findings} layer, {@code --contacts}
 * prints who to call. Exit 0 when the analysis ran (findings are results, not failures), 2 when the
 * input is unusable or the command misused.
 */
@Command(name = "coordinate", mixinStandardHelpOptions = true,
        description = "Find co-laying chances, moratorium clashes and double digs of planned routes and "
                + "construction sites. Without --out the JSON goes to standard output.")
final class CoordinateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "GPKG", description = "The GeoPackage with planned_routes, construction_sites, streets "
            + "(and optionally conduits, districts). Opened read-only unless --save.")
    Path file;

    @Mixin
    PlanningOptions planning;

    @Option(names = "--double-dig-months", paramLabel = "D", defaultValue = "6",
            description = "Two works on one street at most this many months apart are a double dig (default: ${DEFAULT-VALUE}).")
    int doubleDigMonths;

    @Option(names = "--out", paramLabel = "FILE.json|FILE.csv", description = "Write the findings to this file (JSON or CSV by its extension).")
    Path out;

    @Option(names = "--save", description = "Store the findings in the file's coordination_findings layer, keeping users' status and comments.")
    boolean save;

    @Option(names = "--contacts", description = "Print the who-to-call list, grouped by organisation (instead of the JSON when there is no --out).")
    boolean contacts;

    @Option(names = "--timings",
            description = "Print how long each step took (start, reading, ..., writing), on standard error.")
    boolean timings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        boolean csv = false;
        if (out != null) {
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                csv = true;
            } else if (!name.endsWith(".json")) {
                throw new UserFacingException("coordination.cli.error.out", null, out);
            }
        }
        StepTimer timer = new StepTimer();
        CostModel model = planning.costModel();
        CoordinationResult result;
        FindingsLayer.SaveReport saved = null;
        try (GeoPackageStore store = GeoPackageStore.open(file,
                save ? GeoPackageStore.Mode.READ_WRITE : GeoPackageStore.Mode.READ_ONLY)) {
            CoordinationParameters params = planning.parameters(store).withDoubleDigMonths(doubleDigMonths);
            result = CoordinationAnalysis.run(store, file.getFileName().toString(), params, model, timer);
            if (save) {
                saved = FindingsLayer.save(store, result, Instant.now());
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter info = out == null ? spec.commandLine().getErr() : stdout;
        if (out != null) {
            boolean asCsv = csv;
            writeAtomically(out, o -> {
                if (asCsv) {
                    Writer w = new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8);
                    FindingsCsv.write(result.findings(), w);
                    w.flush();
                } else {
                    FindingsJson.write(result, o);
                }
            });
            stdout.println(Messages.get("coordination.cli.wrote", out));
            printSummary(result, stdout);
        } else if (!contacts) {
            FindingsJson.write(result, stdout);
        }
        if (timings) {
            timer.stepDone("write");
            spec.commandLine().getErr().println(Messages.get("coordination.cli.timings", timer.report()));
        }
        if (saved != null) {
            info.println(Messages.get("coordination.cli.saved", FindingsLayer.LAYER, saved.inserted(), saved.updated(),
                    saved.deleted(), saved.keptGone()));
        }
        if (contacts) {
            printContacts(ContactList.of(result.findings()), stdout);
        }
        return ExitCodes.OK;
    }

    private static void printSummary(CoordinationResult result, PrintWriter o) {
        for (Map.Entry<FindingKind, CoordinationResult.Totals> e : result.summary().entrySet()) {
            CoordinationResult.Totals t = e.getValue();
            String length = String.format(Locale.ROOT, "%.1f", t.lengthM());
            o.println(t.savingEur() == null
                    ? Messages.get("coordination.cli.summaryNoSaving", e.getKey().key(), t.count(), length)
                    : Messages.get("coordination.cli.summary", e.getKey().key(), t.count(), length,
                            Long.toString(t.savingEur())));
        }
    }

    /**
     * Times the steps of a run: from the start of the process to the start of the analysis, each step
     * of the analysis ({@link AnalysisMonitor#stepDone}) and the writing after it. Used on the command's
     * thread only.
     */
    private static final class StepTimer implements AnalysisMonitor {
        private final long processStart = ProcessHandle.current().info().startInstant()
                .map(i -> System.nanoTime() - java.time.Duration.between(i, Instant.now()).toNanos())
                .orElse(System.nanoTime());
        private final java.util.List<String> steps = new java.util.ArrayList<>();
        private final java.util.List<Long> at = new java.util.ArrayList<>();

        StepTimer() {
            steps.add("start");
            at.add(System.nanoTime());
        }

        @Override
        public void progress(double fraction) {
            // only the steps are timed
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void stepDone(String step) {
            steps.add(step);
            at.add(System.nanoTime());
        }

        /** "start 0.41 s, reading 1.62 s, ..., total 7.05 s", step names in the user's language. */
        String report() {
            StringBuilder b = new StringBuilder();
            long from = processStart;
            for (int i = 0; i < steps.size(); i++) {
                b.append(Messages.get("coordination.timing." + steps.get(i)))
                        .append(String.format(Locale.ROOT, " %.2f s, ", (at.get(i) - from) / 1e9));
                from = at.get(i);
            }
            return b.append(Messages.get("coordination.timing.total"))
                    .append(String.format(Locale.ROOT, " %.2f s", (from - processStart) / 1e9)).toString();
        }
    }

    /** The who-to-call list: per organisation its findings, one line each, organisations only (never persons). */
    static void printContacts(ContactList list, PrintWriter o) {
        if (list.organisations().isEmpty()) {
            o.println(Messages.get("coordination.contacts.none"));
            return;
        }
        o.println(Messages.get("coordination.contacts.title", list.organisations().size()));
        for (ContactList.Organisation org : list.organisations()) {
            o.println();
            o.println(Messages.get("coordination.contacts.organisation", org.name(), org.findings().size(),
                    Long.toString(org.savingEur())));
            for (Finding f : org.findings()) {
                StringBuilder line = new StringBuilder("  ");
                line.append(String.format(Locale.ROOT, "%-22s", Messages.get("coordination.kind." + f.kind().key())));
                String refs = f.siteRef() == null ? "" : f.siteRef();
                if (f.otherSiteRef() != null) {
                    refs += " + " + f.otherSiteRef();
                }
                line.append(String.format(Locale.ROOT, " %-28s %-28s %s – %s %9.1f m", refs,
                        f.streetName() == null ? "" : f.streetName(), f.startDate(), f.endDate(), f.roundedLengthM()));
                if (f.savingEur() != null) {
                    line.append(String.format(Locale.ROOT, " %9d €", f.savingEur()));
                }
                if (f.gapDays() != null) {
                    line.append("  ").append(Messages.get("coordination.contacts.gap", f.gapDays()));
                }
                if (f.beforeMoratoriumUntil() != null) {
                    line.append("  ").append(Messages.get("coordination.contacts.lastChance", f.beforeMoratoriumUntil()));
                }
                if (f.kind() == FindingKind.MORATORIUM_CLASH) {
                    line.append("  ").append(Messages.get("coordination.contacts.moratorium", f.moratoriumUntil()));
                }
                o.println(line);
            }
        }
    }

    /** Something that writes a file's content. */
    @FunctionalInterface
    private interface Content {
        void writeTo(java.io.OutputStream o) throws IOException;
    }

    /** Writes the content beside the target and moves it into place, so no half-written file is left. */
    private static void writeAtomically(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".tmp");
        try {
            try (java.io.OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                content.writeTo(o);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
