package de.trassenwerk.coordination;

import java.time.LocalDate;
import java.util.List;

/**
 * When each street of a run is under moratorium: from its {@code surface_renewed} to the day before
 * the moratorium ends ({@link CoordinationParameters#underMoratorium}), kept as epoch days, so that
 * the hundreds of thousands of route–street and work–street pairs of a large run are checked with two
 * comparisons instead of date arithmetic. Built once per run; immutable, safe from any thread.
 */
final class MoratoriumCalendar {
    /** First and first free day per street (epoch days); a street never resurfaced has an empty span. */
    private final long[] from;
    private final long[] until;

    MoratoriumCalendar(List<StreetSegment> streets, CoordinationParameters params) {
        from = new long[streets.size()];
        until = new long[streets.size()];
        for (int i = 0; i < streets.size(); i++) {
            LocalDate renewed = streets.get(i).renewed();
            if (renewed == null) {
                from[i] = Long.MAX_VALUE;
                until[i] = Long.MIN_VALUE;
            } else {
                from[i] = renewed.toEpochDay();
                until[i] = params.moratoriumEnd(renewed).toEpochDay();
            }
        }
    }

    /** Whether digging street {@code street} (an index into the run's streets) on epoch day {@code day} clashes. */
    boolean covers(int street, long day) {
        return from[street] <= day && day < until[street];
    }
}
