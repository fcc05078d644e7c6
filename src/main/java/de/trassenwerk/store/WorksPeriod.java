package de.trassenwerk.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A period of days for the construction-site time filter: the works that are on at any time in it,
 * whatever their status, are those with {@code start_date} ≤ the period's end and
 * ({@code end_date} ≥ the period's start or no end date). A single day is a period whose start
 * and end are that day. Dates compare as ISO text (yyyy-mm-dd), as GeoPackage stores them.
 * Immutable; any thread.
 *
 * @param from first day, inclusive
 * @param to   last day, inclusive, not before {@code from}
 */
public record WorksPeriod(LocalDate from, LocalDate to) {

    public WorksPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** One day. */
    public static WorksPeriod day(LocalDate day) {
        return new WorksPeriod(day, day);
    }

    /**
     * Parses {@code yyyy-mm-dd} (one day) or {@code yyyy-mm-dd..yyyy-mm-dd} (a period).
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static WorksPeriod parse(String text) {
        String t = text.trim();
        int dots = t.indexOf("..");
        try {
            if (dots < 0) {
                return day(LocalDate.parse(t));
            }
            return new WorksPeriod(LocalDate.parse(t.substring(0, dots).trim()), LocalDate.parse(t.substring(dots + 2).trim()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("expected yyyy-mm-dd or yyyy-mm-dd..yyyy-mm-dd, not \"" + text + "\"", e);
        }
    }

    /** The filter for {@code construction_sites} (or any layer with the fields {@code start_date} and {@code end_date}). */
    public AttributeFilter filter() {
        return AttributeFilter.and(
                AttributeFilter.compare("start_date", AttributeFilter.Op.LE, to.toString()),
                AttributeFilter.or(
                        AttributeFilter.compare("end_date", AttributeFilter.Op.GE, from.toString()),
                        new AttributeFilter.IsNull("end_date")));
    }

    @Override
    public String toString() {
        return from.equals(to) ? from.toString() : from + ".." + to;
    }
}
