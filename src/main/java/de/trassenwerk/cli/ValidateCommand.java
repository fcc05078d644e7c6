package de.trassenwerk.cli;

import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.GeoPackageValidator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code validate FILE}: GeoPackage rules (Core, Features, R-tree) and geometry validity per layer. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a GeoPackage against the OGC GeoPackage rules for Core, Features and the R-tree "
                + "index, and every geometry for validity. Exit 0 when clean, 1 when problems were found, "
                + "2 when the file cannot be read.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The GeoPackage to check (opened read-only).")
    Path file;

    @Option(names = "--max-per-layer", defaultValue = "50", paramLabel = "N",
            description = "List at most N problems of one kind per layer (default: ${DEFAULT-VALUE}).")
    int maxPerLayer;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<GeoPackageValidator.Problem> problems;
        try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            problems = GeoPackageValidator.validate(store, maxPerLayer);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (GeoPackageValidator.Problem p : problems) {
            out.println(p);
        }
        if (problems.isEmpty()) {
            out.println(file + ": valid");
            return ExitCodes.OK;
        }
        out.println(file + ": " + problems.size() + " problem(s)");
        return ExitCodes.PROBLEMS;
    }
}
