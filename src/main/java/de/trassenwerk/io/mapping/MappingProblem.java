package de.trassenwerk.io.mapping;

import de.trassenwerk.i18n.Messages;
import java.util.List;

/**
 * Something that keeps a field mapping from being used for an import, found by
 * {@link MappingCheck}. Immutable.
 *
 * @param kind what is wrong
 * @param rules the rules concerned, counted from 1; empty when the mapping as a whole is concerned
 * @param args the values the message names (fields, rule numbers, layer)
 */
public record MappingProblem(Kind kind, List<Integer> rules, List<Object> args) {

    /** What is wrong; each kind has a message key {@code mapping.problem.<name>}. */
    public enum Kind {
        /** The mapping has no rule: only the geometries would be imported. */
        NO_RULES(true),
        /** A rule has no source field (only a constant has none). */
        SOURCE_MISSING(true),
        /** A rule has no target field, or a date range lacks one of its two. */
        TARGET_MISSING(true),
        /** A constant rule has no value. */
        VALUE_MISSING(true),
        /** A lookup or keyword rule has neither entries nor an "otherwise" value: every value would fail. */
        TABLE_EMPTY(false),
        /** A rule reads a field this source does not have. */
        NO_SOURCE_FIELD(false),
        /** A rule writes a field the target layer does not have. */
        NO_TARGET_FIELD(false),
        /** A rule writes {@code fid}, {@code geom} or {@code version} of a new layer. */
        RESERVED_TARGET(false),
        /** Two rules (or both ends of a date range) write the same target field. */
        TARGET_TWICE(false),
        /** A target field that must have a value is filled by no rule. */
        REQUIRED_UNMAPPED(false),
        /** A constant that does not fit its target field's type. */
        CONSTANT_UNFIT(false),
        /** Lines or points go into a polygon layer without footprints. */
        NEEDS_FOOTPRINTS(false);

        private final boolean incomplete;

        Kind(boolean incomplete) {
            this.incomplete = incomplete;
        }

        /** Whether the rule is unfinished, so that the mapping cannot even be saved as a file. */
        public boolean incomplete() {
            return incomplete;
        }

        String key() {
            return "mapping.problem." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public MappingProblem {
        rules = List.copyOf(rules);
        args = List.copyOf(args);
    }

    /** A problem of rule {@code rule} (counted from 1), or of the whole mapping when it is 0. */
    static MappingProblem of(Kind kind, int rule, Object... args) {
        return new MappingProblem(kind, rule == 0 ? List.of() : List.of(rule), List.of(args));
    }

    /** The problem in the user's language. */
    public String message() {
        return Messages.get(kind.key(), args.toArray());
    }
}
