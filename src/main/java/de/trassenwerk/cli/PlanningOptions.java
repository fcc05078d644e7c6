package de.trassenwerk.cli;

import de.trassenwerk.coordination.CoordinationParameters;
import de.trassenwerk.coordination.CostModel;
import de.trassenwerk.store.GeoPackageStore;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * The planning parameters and the cost file that {@code coordinate} and {@code route} share (a
 * picocli mixin), so that both commands read the same options with the same defaults and decide
 * co-laying chances and moratoria alike. Filled by picocli on the command's thread.
 */
final class PlanningOptions {

    @Option(names = "--today", paramLabel = "YYYY-MM-DD",
            description = "The planning date (default: the file's reference date TRASSENWERK_REFERENCE_DATE, else the current date).")
    LocalDate today;

    @Option(names = "--buffer-m", paramLabel = "M", defaultValue = "10",
            description = "Buffer distance around construction sites and streets in metres (default: ${DEFAULT-VALUE}).")
    double bufferM;

    @Option(names = "--lead-weeks", paramLabel = "W", defaultValue = "8",
            description = "Planning lead time: a work starting sooner cannot be joined (default: ${DEFAULT-VALUE}).")
    int leadWeeks;

    @Option(names = "--horizon-months", paramLabel = "H", defaultValue = "24",
            description = "Planning horizon in months (default: ${DEFAULT-VALUE}).")
    int horizonMonths;

    @Option(names = "--moratorium-years", paramLabel = "Y", defaultValue = "5",
            description = "Digging moratorium after surface_renewed, in years (default: ${DEFAULT-VALUE}).")
    int moratoriumYears;

    @Option(names = "--costs", paramLabel = "FILE",
            description = "Cost model (JSON, see docs/coordination.md); default: the documented assumptions.")
    Path costs;

    /** The cost model of {@code --costs}, or the documented defaults. */
    CostModel costModel() {
        return costs == null ? CostModel.DEFAULT : CostModel.load(costs);
    }

    /** The parameters for an analysis of {@code store} (its reference date when no {@code --today}). */
    CoordinationParameters parameters(GeoPackageStore store) {
        LocalDate day = today != null ? today : CoordinationParameters.defaultToday(store.metadata(), LocalDate.now());
        return CoordinationParameters.defaults(day).withBufferM(bufferM).withLeadWeeks(leadWeeks)
                .withHorizonMonths(horizonMonths).withMoratoriumYears(moratoriumYears);
    }
}
