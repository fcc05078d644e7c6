package de.trassenwerk.render;

import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The renderer's workers: a fixed number of threads that take waiting tasks by urgency, then by a
 * rank within it (lower first), then in the order they came. A map is drawn fastest when nothing
 * that others wait for sits behind work nobody waits for yet:
 * <ul>
 * <li>{@link #HALF}: the second half of work another worker is doing the first half of now
 *     ({@link Halves});</li>
 * <li>{@link #LABELLED}: reading the layers whose labels are shown, so that the labels can be placed
 *     while the layers are painted;</li>
 * <li>{@link #LAYER}: painting the layers (and reading those without labels), the slowest (last
 *     time) first, so that none of them starts late and keeps the map waiting at the end.</li>
 * </ul>
 * Tasks handed in by {@link #execute(Runnable)} (and {@code submit}) count as {@link #LABELLED}.
 */
final class RenderPool extends ThreadPoolExecutor {
    static final int HALF = 0;
    static final int LABELLED = 1;
    static final int LAYER = 2;

    private final AtomicLong arrivals = new AtomicLong();

    RenderPool(int threads, ThreadFactory factory) {
        super(threads, threads, 0L, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(), factory);
    }

    @Override
    public void execute(Runnable task) {
        super.execute(task instanceof Ranked ? task : new Ranked(task, LABELLED, 0, arrivals.getAndIncrement()));
    }

    /** Runs {@code task} with {@code urgency} ({@link #HALF} ...) and {@code rank} within it. */
    void execute(Runnable task, int urgency, long rank) {
        super.execute(new Ranked(task, urgency, rank, arrivals.getAndIncrement()));
    }

    /** Runs {@code task} on {@code pool}: by urgency and rank on a render pool, else as it comes. */
    static void execute(Executor pool, Runnable task, int urgency, long rank) {
        if (pool instanceof RenderPool p) {
            p.execute(task, urgency, rank);
        } else {
            pool.execute(task);
        }
    }

    private record Ranked(Runnable task, int urgency, long rank, long arrival) implements Runnable, Comparable<Ranked> {
        @Override
        public void run() {
            task.run();
        }

        @Override
        public int compareTo(Ranked o) {
            int c = Integer.compare(urgency, o.urgency);
            if (c == 0) {
                c = Long.compare(rank, o.rank);
            }
            return c != 0 ? c : Long.compare(arrival, o.arrival);
        }
    }
}
