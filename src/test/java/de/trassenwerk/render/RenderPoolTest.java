package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The renderer's pool takes waiting work by urgency, then rank, then arrival. */
class RenderPoolTest {

    @Test
    void waitingTasksRunByUrgencyThenRankThenArrival() throws Exception {
        RenderPool pool = new RenderPool(1, r -> {
            Thread t = new Thread(r, "render-pool-test");
            t.setDaemon(true);
            return t;
        });
        try {
            CountDownLatch release = HalvesTest.occupy(pool);
            List<String> order = new CopyOnWriteArrayList<>();
            pool.execute(() -> order.add("layer slow"), RenderPool.LAYER, -50);
            pool.execute(() -> order.add("layer fast"), RenderPool.LAYER, -10);
            pool.execute(() -> order.add("plain"));
            pool.execute(() -> order.add("labelled slow"), RenderPool.LABELLED, -30);
            pool.execute(() -> order.add("half"), RenderPool.HALF, 0);
            pool.execute(() -> order.add("layer slow too"), RenderPool.LAYER, -50);
            release.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals(List.of("half", "labelled slow", "plain", "layer slow", "layer slow too", "layer fast"), order);
        } finally {
            pool.shutdownNow();
        }
    }
}
