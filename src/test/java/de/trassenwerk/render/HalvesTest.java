package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Work in two halves: a free worker takes the second, a busy pool never makes the caller wait. */
class HalvesTest {
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aFreeWorkerDoesTheSecondHalfWhileTheCallerDoesTheFirst() {
        CountDownLatch secondStarted = new CountDownLatch(1);
        AtomicReference<Thread> second = new AtomicReference<>();
        Halves.run(pool, () -> {
            try {
                // the first half ends only once the second has begun elsewhere
                assertTrue(secondStarted.await(10, TimeUnit.SECONDS), "the worker took the second half");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, () -> {
            second.set(Thread.currentThread());
            secondStarted.countDown();
        });
        assertNotEquals(Thread.currentThread(), second.get());
    }

    @Test
    void withEveryWorkerBusyTheCallerDoesBothHalvesWithoutWaiting() throws Exception {
        CountDownLatch release = occupy(pool);
        AtomicReference<Thread> first = new AtomicReference<>();
        AtomicReference<Thread> second = new AtomicReference<>();
        Halves.run(pool, () -> first.set(Thread.currentThread()), () -> second.set(Thread.currentThread()));
        assertEquals(Thread.currentThread(), first.get());
        assertEquals(Thread.currentThread(), second.get(), "not left to the busy worker");
        release.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(Thread.currentThread(), second.get(), "the offered task, run late, did nothing");
    }

    @Test
    void aFailureOfEitherHalfIsThrown() {
        assertThrows(IllegalArgumentException.class, () -> Halves.run(pool, () -> {
            throw new IllegalArgumentException("first");
        }, () -> { }));
        CountDownLatch secondStarted = new CountDownLatch(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Halves.run(pool, () -> {
            try {
                assertTrue(secondStarted.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException ie) {
                throw new IllegalStateException(ie);
            }
        }, () -> {
            secondStarted.countDown();
            throw new IllegalArgumentException("second");
        }));
        assertEquals("second", e.getCause().getMessage());
    }

    /** Keeps the one worker of {@code pool} busy until the returned latch is counted down. */
    static CountDownLatch occupy(Executor pool) {
        CountDownLatch release = new CountDownLatch(1);
        pool.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return release;
    }
}
