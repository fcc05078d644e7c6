package de.trassenwerk.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.store.Feature;
import de.trassenwerk.style.Expression.Literal;
import de.trassenwerk.style.Expression.PropertyName;
import de.trassenwerk.style.Filter.Operator;
import de.trassenwerk.testing.Fixtures;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Filters tested on features as the store delivers them: Long, Double, Boolean, ISO date text, null. */
class FilterTest {
    private final Feature cell = Feature.create(null, Fixtures.attrs("max_down_mbps", 250L, "share_gigabit", 0.35,
            "technology", "VDSL", "survey_date", "2025-06-30", "funded", Boolean.TRUE, "code", "10", "note", null));

    @Test
    void numbersCompareNumerically() {
        assertTrue(compare(Operator.EQUAL_TO, "max_down_mbps", "250").test(cell));
        assertTrue(compare(Operator.EQUAL_TO, "max_down_mbps", "250.0").test(cell));
        assertFalse(compare(Operator.NOT_EQUAL_TO, "max_down_mbps", "250").test(cell));
        assertTrue(compare(Operator.NOT_EQUAL_TO, "max_down_mbps", "1000").test(cell));
        assertTrue(compare(Operator.LESS_THAN, "max_down_mbps", "1000").test(cell), "250 < 1000, not as text");
        assertFalse(compare(Operator.LESS_THAN, "max_down_mbps", "250").test(cell));
        assertTrue(compare(Operator.LESS_THAN_OR_EQUAL_TO, "max_down_mbps", "250").test(cell));
        assertTrue(compare(Operator.GREATER_THAN, "share_gigabit", "0.3").test(cell));
        assertFalse(compare(Operator.GREATER_THAN, "share_gigabit", "0.35").test(cell));
        assertTrue(compare(Operator.GREATER_THAN_OR_EQUAL_TO, "share_gigabit", "0.35").test(cell));
        assertFalse(compare(Operator.GREATER_THAN_OR_EQUAL_TO, "share_gigabit", "1e0").test(cell));
    }

    @Test
    void textAndDatesCompareAsText() {
        assertTrue(compare(Operator.EQUAL_TO, "technology", "VDSL").test(cell));
        assertFalse(compare(Operator.EQUAL_TO, "technology", "vdsl").test(cell), "case matters by default");
        assertTrue(new Filter.Comparison(Operator.EQUAL_TO, new PropertyName("technology"), new Literal("vdsl"), false)
                .test(cell), "matchCase=false");
        assertTrue(compare(Operator.LESS_THAN, "survey_date", "2025-07-01").test(cell));
        assertTrue(compare(Operator.GREATER_THAN_OR_EQUAL_TO, "survey_date", "2025-06-30").test(cell));
        assertTrue(compare(Operator.LESS_THAN, "code", "9").test(cell), "a text field compares as text: \"10\" < \"9\"");
    }

    @Test
    void booleansCompareWithTrueFalseAndOneZero() {
        assertTrue(compare(Operator.EQUAL_TO, "funded", "true").test(cell));
        assertTrue(compare(Operator.EQUAL_TO, "funded", "1").test(cell));
        assertFalse(compare(Operator.EQUAL_TO, "funded", "false").test(cell));
    }

    @Test
    void comparisonWithAMissingValueIsFalseEvenForNotEqual() {
        assertFalse(compare(Operator.EQUAL_TO, "note", "x").test(cell));
        assertFalse(compare(Operator.NOT_EQUAL_TO, "note", "x").test(cell));
        assertFalse(compare(Operator.LESS_THAN, "absent", "1").test(cell));
    }

    @Test
    void likeWithWildcardsSingleCharactersAndEscapes() {
        Feature f = Feature.create(null, Fixtures.attrs("name", "Hafen Ruhrort, Fläche 12", "ref", "BS-2026_0042"));
        assertTrue(like("name", "Hafen*", "*", "?", "\\").test(f));
        assertTrue(like("name", "*Fläche 1?", "*", "?", "\\").test(f));
        assertFalse(like("name", "*Fläche 1", "*", "?", "\\").test(f), "the pattern covers the whole value");
        assertFalse(like("name", "%ruhrort%", "%", "_", "\\").test(f), "case matters");
        assertTrue(new Filter.Like(new PropertyName("name"), "%RUHRORT%", "%", "_", "\\", false).test(f));
        assertTrue(like("ref", "BS-2026!_%", "%", "_", "!").test(f), "escaped _ is a literal underscore");
        assertFalse(like("ref", "BS-2026!_%", "%", "_", "!").test(
                Feature.create(null, Fixtures.attrs("ref", "BS-2026X0042"))));
        assertTrue(like("ref", "BS.2026_0042", "*", "?", "\\").test(
                Feature.create(null, Fixtures.attrs("ref", "BS.2026_0042"))), "regex characters are literal");
        assertFalse(like("ref", "BS.2026_0042", "*", "?", "\\").test(f), ". is no wildcard");
        assertTrue(like("n", "12*", "*", "?", "\\").test(Feature.create(null, Fixtures.attrs("n", 1234L))),
                "numbers are matched by their text");
    }

    @Test
    void isNullAndBetween() {
        assertTrue(new Filter.IsNull(new PropertyName("note")).test(cell));
        assertTrue(new Filter.IsNull(new PropertyName("absent")).test(cell));
        assertFalse(new Filter.IsNull(new PropertyName("technology")).test(cell));
        assertTrue(between("max_down_mbps", "100", "250").test(cell), "bounds are inclusive");
        assertTrue(between("max_down_mbps", "250", "999").test(cell));
        assertFalse(between("max_down_mbps", "251", "999").test(cell));
        assertTrue(between("survey_date", "2025-01-01", "2025-12-31").test(cell));
        assertFalse(between("note", "a", "z").test(cell));
    }

    @Test
    void andOrNotCombine() {
        Filter vdsl = compare(Operator.EQUAL_TO, "technology", "VDSL");
        Filter fast = compare(Operator.GREATER_THAN_OR_EQUAL_TO, "max_down_mbps", "1000");
        assertFalse(new Filter.And(List.of(vdsl, fast)).test(cell));
        assertTrue(new Filter.And(List.of(vdsl, new Filter.Not(fast))).test(cell));
        assertTrue(new Filter.Or(List.of(fast, vdsl)).test(cell));
        assertFalse(new Filter.Or(List.of(fast, new Filter.Not(vdsl))).test(cell));
        assertEquals(Set.of("technology", "max_down_mbps"), new Filter.Or(List.of(fast, vdsl)).propertyNames());
    }

    @Test
    void unsupportedMatchesNothingAndAllMatchesEverything() {
        assertFalse(new Filter.Unsupported("BBOX").test(cell));
        assertTrue(Filter.ALL.test(cell));
        assertTrue(Filter.ALL.propertyNames().isEmpty());
    }

    @Test
    void geometryDimensionTellsAreasLinesAndPoints() {
        Feature area = Feature.create(Fixtures.wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))"), Fixtures.attrs());
        Feature line = Feature.create(Fixtures.wkt("LINESTRING (0 0, 1 1)"), Fixtures.attrs());
        assertTrue(new Filter.GeometryDimension(2).test(area));
        assertFalse(new Filter.GeometryDimension(2).test(line));
        assertTrue(new Filter.GeometryDimension(1).test(line));
        assertFalse(new Filter.GeometryDimension(0).test(Feature.create(null, Fixtures.attrs())));
    }

    private static Filter compare(Operator op, String field, String literal) {
        return new Filter.Comparison(op, new PropertyName(field), new Literal(literal), true);
    }

    private static Filter like(String field, String pattern, String wild, String single, String escape) {
        return new Filter.Like(new PropertyName(field), pattern, wild, single, escape, true);
    }

    private static Filter between(String field, String lo, String hi) {
        return new Filter.Between(new PropertyName(field), new Literal(lo), new Literal(hi));
    }
}
