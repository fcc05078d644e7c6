package de.trassenwerk.coordination;

import de.trassenwerk.sample.SampleCityWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The settings of one coordination run, all with documented defaults: the day the analysis takes as
 * "today", the buffer distance around sites and streets, the planning lead time (a work starting
 * sooner can no longer be joined), the planning horizon, the length of a digging moratorium after
 * resurfacing and the window within which two works on one street count as a double dig. Immutable.
 *
 * @param today           the analysis date
 * @param bufferM         distance in metres around sites (and streets) within which a route or work counts as
 *                        being in them
 * @param leadWeeks       planning lead time in weeks
 * @param horizonMonths   planning horizon in months
 * @param moratoriumYears years a street stays closed to digging after {@code surface_renewed}
 * @param doubleDigMonths at most this many months between two works on one street for a double dig
 */
public record CoordinationParameters(LocalDate today, double bufferM, int leadWeeks, int horizonMonths,
        int moratoriumYears, int doubleDigMonths) {

    public static final double DEFAULT_BUFFER_M = 10;
    public static final int DEFAULT_LEAD_WEEKS = 8;
    public static final int DEFAULT_HORIZON_MONTHS = 24;
    public static final int DEFAULT_MORATORIUM_YEARS = 5;
    public static final int DEFAULT_DOUBLE_DIG_MONTHS = 6;
    /** A route section within this distance of a free existing duct needs no trench. */
    public static final double FREE_DUCT_DISTANCE_M = 5;
    /** Two works' street sections must overlap by more than this to be a double dig. */
    public static final double MIN_DOUBLE_DIG_OVERLAP_M = 1;
    /** The dataset metadata key holding a file's "today" (written by the sample city). */
    public static final String REFERENCE_DATE_KEY = SampleCityWriter.REFERENCE_DATE_KEY;

    public CoordinationParameters {
        if (today == null) {
            throw new IllegalArgumentException("today is required");
        }
        check("--buffer-m", bufferM >= 0 && bufferM <= 1000 && Double.isFinite(bufferM), bufferM);
        check("--lead-weeks", leadWeeks >= 0 && leadWeeks <= 520, leadWeeks);
        check("--horizon-months", horizonMonths >= 0 && horizonMonths <= 600, horizonMonths);
        check("--moratorium-years", moratoriumYears >= 0 && moratoriumYears <= 100, moratoriumYears);
        check("--double-dig-months", doubleDigMonths >= 0 && doubleDigMonths <= 600, doubleDigMonths);
    }

    private static void check(String name, boolean ok, Object value) {
        if (!ok) {
            throw new CoordinationException("coordination.error.parameter", name, value);
        }
    }

    /** The defaults, with {@code today} as given. */
    public static CoordinationParameters defaults(LocalDate today) {
        return new CoordinationParameters(today, DEFAULT_BUFFER_M, DEFAULT_LEAD_WEEKS, DEFAULT_HORIZON_MONTHS,
                DEFAULT_MORATORIUM_YEARS, DEFAULT_DOUBLE_DIG_MONTHS);
    }

    /**
     * The default "today" for a file: the reference date stored in its metadata
     * ({@value #REFERENCE_DATE_KEY}, as in the sample city) when there is a valid one, else {@code clockToday}.
     */
    public static LocalDate defaultToday(Map<String, String> metadata, LocalDate clockToday) {
        String stored = metadata.get(REFERENCE_DATE_KEY);
        if (stored != null) {
            try {
                return LocalDate.parse(stored.trim());
            } catch (DateTimeParseException e) {
                return clockToday;
            }
        }
        return clockToday;
    }

    public CoordinationParameters withToday(LocalDate d) {
        return new CoordinationParameters(d, bufferM, leadWeeks, horizonMonths, moratoriumYears, doubleDigMonths);
    }

    public CoordinationParameters withBufferM(double v) {
        return new CoordinationParameters(today, v, leadWeeks, horizonMonths, moratoriumYears, doubleDigMonths);
    }

    public CoordinationParameters withLeadWeeks(int v) {
        return new CoordinationParameters(today, bufferM, v, horizonMonths, moratoriumYears, doubleDigMonths);
    }

    public CoordinationParameters withHorizonMonths(int v) {
        return new CoordinationParameters(today, bufferM, leadWeeks, v, moratoriumYears, doubleDigMonths);
    }

    public CoordinationParameters withMoratoriumYears(int v) {
        return new CoordinationParameters(today, bufferM, leadWeeks, horizonMonths, v, doubleDigMonths);
    }

    public CoordinationParameters withDoubleDigMonths(int v) {
        return new CoordinationParameters(today, bufferM, leadWeeks, horizonMonths, moratoriumYears, v);
    }

    /** The earliest start of a work that a route can still join: today + lead time. */
    public LocalDate earliestJoinableStart() {
        return today.plusWeeks(leadWeeks);
    }

    /** The end of the planning horizon: today + horizon. */
    public LocalDate horizonEnd() {
        return today.plusMonths(horizonMonths);
    }

    /** The first day a street resurfaced on {@code renewed} may be dug again. */
    public LocalDate moratoriumEnd(LocalDate renewed) {
        return renewed.plusYears(moratoriumYears);
    }

    /** Whether digging on {@code digDate} falls inside the moratorium of a street resurfaced on {@code renewed}. */
    public boolean underMoratorium(LocalDate renewed, LocalDate digDate) {
        return renewed != null && !digDate.isBefore(renewed) && digDate.isBefore(moratoriumEnd(renewed));
    }

    /** Pieces shorter than this (plus a polygon site's width) are crossings or junction touches: 2 × buffer + 1 m. */
    public double minClashPieceM() {
        return 2 * bufferM + 1;
    }
}
