package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineStretchesTest {
    @Test
    void rightAngleSplitsTheLineIntoTwoStretchesLongestFirst() {
        List<LineStretches.Stretch> s = LineStretches.of(new double[] {0, 0, 0, 30, 100, 30}, 2);
        assertEquals(2, s.size());
        assertEquals(100, s.get(0).length(), 1e-9);
        assertEquals(30, s.get(1).length(), 1e-9);
    }

    @Test
    void wiggleWithinTheToleranceIsOneStretch() {
        List<LineStretches.Stretch> s = LineStretches.of(new double[] {0, 0, 25, 1, 50, -1, 75, 1, 100, 0}, 2);
        assertEquals(1, s.size());
        assertEquals(100, s.get(0).length(), 1e-9);
    }

    @Test
    void lineThatTurnsBackIsNotStraight() {
        List<LineStretches.Stretch> s = LineStretches.of(new double[] {0, 0, 100, 0, 40, 0}, 2);
        assertEquals(2, s.size(), "out and back again are two stretches");
    }
}
