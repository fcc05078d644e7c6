package de.trassenwerk.render;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Work in two halves at once on a pool, without ever waiting for a task that has not started: the
 * second half is offered to the pool while this thread does the first, and when no worker has taken
 * it up by then, this thread does it as well. A busy pool thus costs no time, and a worker that is
 * free halves it. On a {@link RenderPool} the second half goes before all other waiting work.
 */
final class Halves {
    private Halves() {
    }

    /**
     * Runs {@code first} here and {@code second} on a worker of {@code pool} or here, and returns
     * when both have ended. A failure of either is thrown (that of {@code second} wrapped in an
     * {@link IllegalStateException}).
     */
    static void run(ExecutorService pool, Runnable first, Runnable second) {
        AtomicBoolean taken = new AtomicBoolean();
        FutureTask<Void> offered = new FutureTask<>(() -> {
            if (taken.compareAndSet(false, true)) {
                second.run();
            }
        }, null);
        RenderPool.execute(pool, offered, RenderPool.HALF, 0);
        boolean mine;
        try {
            first.run();
        } finally {
            mine = taken.compareAndSet(false, true);
            if (mine) {
                offered.cancel(false);
            } else {
                try {
                    MapRenderer.awaitUninterruptibly(offered); // nothing may outlive the call
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the second half failed", e.getCause());
                }
            }
        }
        if (mine) {
            second.run();
        }
    }
}
