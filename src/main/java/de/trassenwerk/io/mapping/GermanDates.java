package de.trassenwerk.io.mapping;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * German date text as the city's registers write it: {@code 01.03.25} or {@code 01.03.2025}, and
 * ranges {@code 01.03.25 - 30.06.25} (also with an en dash, without spaces, or with "bis").
 * Two-digit years are 20YY. Pure functions, thread-safe.
 */
public final class GermanDates {
    private static final String DATE = "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2}|\\d{4})";
    private static final Pattern ONE = Pattern.compile("\\s*" + DATE + "\\s*");
    private static final Pattern RANGE = Pattern.compile("\\s*" + DATE + "\\s*(?:-|\u2013|\u2014|bis)\\s*" + DATE + "\\s*");

    /** A range of days, both ends included. */
    public record Range(LocalDate start, LocalDate end) {
    }

    private GermanDates() {
    }

    /** Parses one date; empty when the text is not a valid German date. */
    public static Optional<LocalDate> date(String text) {
        Matcher m = ONE.matcher(text);
        return m.matches() ? of(m.group(1), m.group(2), m.group(3)) : Optional.empty();
    }

    /**
     * Parses a range; a single date is a one-day range. Empty when the text is neither, when a
     * date does not exist (31.02.) or when the range ends before it starts.
     */
    public static Optional<Range> range(String text) {
        Matcher m = RANGE.matcher(text);
        if (m.matches()) {
            Optional<LocalDate> start = of(m.group(1), m.group(2), m.group(3));
            Optional<LocalDate> end = of(m.group(4), m.group(5), m.group(6));
            if (start.isEmpty() || end.isEmpty() || end.get().isBefore(start.get())) {
                return Optional.empty();
            }
            return Optional.of(new Range(start.get(), end.get()));
        }
        return date(text).map(d -> new Range(d, d));
    }

    private static Optional<LocalDate> of(String day, String month, String year) {
        int y = Integer.parseInt(year);
        if (year.length() == 2) {
            y += 2000;
        }
        try {
            return Optional.of(LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
