package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The chunked shape list holds what is added in order across chunk boundaries, lets go of it all
 * when cleared, and orders shapes by rank as a stable sort does.
 */
class ShapeListTest {

    @Test
    void holdsShapesInOrderAcrossChunksAndLetsThemGo() {
        ShapeList list = new ShapeList();
        List<FeatureShape> expected = new ArrayList<>();
        for (int i = 0; i < 3 * ShapeList.CHUNK + 17; i++) {
            FeatureShape s = shape(i % 5, i);
            list.add(s);
            expected.add(s);
        }
        assertEquals(expected.size(), list.size());
        assertEquals(expected, list);
        assertSame(expected.get(ShapeList.CHUNK), list.get(ShapeList.CHUNK));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(list.size()));
        list.clear();
        assertEquals(0, list.size());
        assertTrue(list.isEmpty());
        list.add(expected.get(3));
        assertEquals(List.of(expected.get(3)), list);
    }

    @Test
    void ordersByRankKeepingTheOrderWithinARank() {
        Random random = new Random(7);
        ShapeList list = new ShapeList();
        for (int i = 0; i < ShapeList.CHUNK + 1000; i++) {
            list.add(shape(random.nextInt(6) - 2, i)); // ranks -2..3
        }
        List<FeatureShape> stable = new ArrayList<>(list);
        stable.sort(Comparator.comparingInt(FeatureShape::rank));
        List<FeatureShape> byRank = ShapeList.byRank(list);
        assertEquals(stable.size(), byRank.size());
        for (int i = 0; i < stable.size(); i++) {
            assertSame(stable.get(i), byRank.get(i), "at " + i);
        }
        assertSame(byRank, ShapeList.byRank(byRank), "a list in order is taken as it is");
        ShapeList far = new ShapeList();
        far.add(shape(1 << 20, 0));
        far.add(shape(0, 1));
        assertEquals(List.of(far.get(1), far.get(0)), ShapeList.byRank(far));
    }

    /** A one-pixel shape whose x tells it apart from the others. */
    private static FeatureShape shape(int rank, int id) {
        return new FeatureShape(FeatureShape.Kind.PIXEL, null, new double[] {id, 0}, 0, null, rank);
    }
}
