package de.trassenwerk.coordination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** The packed box index finds exactly the boxes a plain scan finds, touching ones included. */
class BoxIndexTest {

    private static int[] scan(List<Envelope> boxes, Envelope search) {
        return IntStream.range(0, boxes.size())
                .filter(i -> boxes.get(i) != null && boxes.get(i).intersects(search)).toArray();
    }

    @Test
    void findsWhatAScanFindsForManySizes() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n : new int[] {0, 1, 15, 16, 17, 255, 256, 257, 5000}) {
            List<Envelope> boxes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // a few boxes are left out (null), some are points, coordinates on a 1 m grid so that boxes touch
                if (i % 97 == 5) {
                    boxes.add(null);
                    continue;
                }
                double x = rnd.nextInt(1000);
                double y = rnd.nextInt(1000);
                boxes.add(new Envelope(x, x + rnd.nextInt(3) * rnd.nextInt(40), y, y + rnd.nextInt(40)));
            }
            BoxIndex index = new BoxIndex(boxes);
            for (int q = 0; q < 300; q++) {
                double x = rnd.nextInt(1000);
                double y = rnd.nextInt(1000);
                Envelope search = new Envelope(x, x + rnd.nextInt(60), y, y + rnd.nextInt(60));
                assertArrayEquals(scan(boxes, search), index.query(search), n + " boxes, search " + search);
            }
            Envelope a = new Envelope(0, 300, 0, 300);
            Envelope b = new Envelope(300, 700, 500, 900);
            int[] both = IntStream.concat(IntStream.of(scan(boxes, a)), IntStream.of(scan(boxes, b))).distinct().sorted()
                    .toArray();
            assertArrayEquals(both, index.query(List.of(a, b)), "several searches: each box once, ascending");
        }
    }

    @Test
    void boxesThatOnlyTouchTheSearchAreFound() {
        BoxIndex index = new BoxIndex(List.of(new Envelope(0, 10, 0, 10), new Envelope(20, 30, 0, 10),
                new Envelope(5, 5, 20, 20)));
        assertArrayEquals(new int[] {0, 1}, index.query(new Envelope(10, 20, 10, 15)));
        assertArrayEquals(new int[] {2}, index.query(new Envelope(5, 6, 20, 21)));
        assertArrayEquals(new int[0], index.query(new Envelope(10.001, 19.999, 0, 5)));
        assertArrayEquals(new int[0], index.query(new Envelope()), "an empty search finds nothing");
    }
}
