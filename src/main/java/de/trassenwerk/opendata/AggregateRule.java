package de.trassenwerk.opendata;

import java.util.List;

/**
 * The most a restricted or internal layer may give away: per area (quarter), whether any of its
 * features that meet {@code when} lies there (mostly) — "quarters with free ducts: yes/no". The
 * result is published as its own dataset: each area's geometry, code and name, and the yes/no
 * {@code field}, in a layer named {@code layer}. Features marked restricted never count. Immutable.
 */
public record AggregateRule(String layer, String field, List<RowCondition> when, DatasetInfo dataset) {

    public AggregateRule {
        when = List.copyOf(when);
    }
}
