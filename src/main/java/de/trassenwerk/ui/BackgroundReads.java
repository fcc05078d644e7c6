package de.trassenwerk.ui;

import de.trassenwerk.store.FeatureStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Reads the open file for the panels that show its data (attribute table, selection highlight,
 * identify results, search suggestions), never on the JavaFX thread.
 *
 * <p>Thread rules. {@link #setStore}, {@link #read} and {@link #dispose} belong to the FX thread. The
 * work given to {@code read} runs on one of two daemon worker threads and may touch only the store
 * it is handed and its own values; its result comes back on the FX thread, and is dropped when the
 * store has been replaced (or this object disposed) in the meantime, so an answer from an old file
 * never lands in the views of a new one. The main window closes a replaced store on the map's
 * render thread: {@code GeoPackageStore} is synchronized, so a close waits for a read in flight,
 * and a read that starts after the close fails with a {@code StoreException}, which is then stale
 * and dropped as well. Failures of reads on the current store go to the caller's failure handler.
 */
public final class BackgroundReads {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "data-read-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyObjectWrapper<FeatureStore> store = new ReadOnlyObjectWrapper<>(this, "store");
    private volatile long generation; // written on the FX thread only

    /** The store read now; null when no file is open. */
    public ReadOnlyObjectProperty<FeatureStore> storeProperty() {
        return store.getReadOnlyProperty();
    }

    public FeatureStore store() {
        return store.get();
    }

    /** Reads {@code newStore} from now on (null: none); answers of reads of the old one are dropped. */
    public void setStore(FeatureStore newStore) {
        generation++;
        store.set(newStore);
    }

    /**
     * Runs {@code work} on a worker with the current store and hands its result to {@code onResult}
     * on the FX thread, unless the store changed in between. Nothing happens when no store is open.
     *
     * @param onFailure gets a failure of {@code work} on the FX thread (unless stale); may be null
     */
    public <T> void read(Function<FeatureStore, T> work, Consumer<T> onResult, Consumer<RuntimeException> onFailure) {
        FeatureStore s = store.get();
        if (s == null) {
            return;
        }
        long gen = generation;
        try {
            workers.execute(() -> {
                if (!current(gen)) {
                    return;
                }
                try {
                    T result = work.apply(s);
                    Platform.runLater(() -> {
                        if (gen == generation) {
                            onResult.accept(result);
                        }
                    });
                } catch (RuntimeException e) {
                    Platform.runLater(() -> {
                        if (gen == generation && onFailure != null) {
                            onFailure.accept(e);
                        }
                    });
                }
            });
        } catch (RejectedExecutionException disposed) {
            // the window is closing: nobody waits for the answer
        }
    }

    /** Whether a read started for {@code gen} is still wanted; a racy but safe early exit for workers. */
    private boolean current(long gen) {
        return gen == generation;
    }

    /** Stops the workers; reads in flight finish, their answers are dropped. */
    public void dispose() {
        generation++;
        store.set(null);
        workers.shutdown();
    }
}
