package de.trassenwerk.ui;

import de.trassenwerk.explore.TableQuery;
import de.trassenwerk.store.Feature;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.collections.ObservableListBase;

/**
 * The rows of a {@link TableQuery} as the list behind a table: it has as many elements as the query
 * has rows, but reads their attributes only page by page, when the table asks for a row of a page
 * (the rows it shows). A row of a page not yet read is a placeholder that fills in when its page
 * arrives. Pages are read one at a time, newest request first; requests far from the newest one are
 * dropped (the user scrolled past them), and at most {@link #CACHED_PAGES} pages are kept.
 * The list never changes its elements or size, so the table's selection (by index) stays valid.
 *
 * <p>Thread rules: FX thread only; the pages are read through {@link BackgroundReads}. Never call
 * {@code indexOf}, {@code contains} or iterate it: that would ask for every page.
 */
final class LazyRows extends ObservableListBase<AttributeRow> {
    static final int PAGE_SIZE = 200;
    static final int CACHED_PAGES = 50;
    /** A pending page more than this many pages from the newest request is no longer wanted. */
    private static final int NEAR = 3;

    private final TableQuery query;
    private final int size;
    private final BackgroundReads reads;
    private final Consumer<RuntimeException> onFailure;
    private final Map<Integer, AttributeRow[]> pages = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, AttributeRow[]> eldest) {
            return size() > CACHED_PAGES;
        }
    };
    private final Deque<Integer> pending = new ArrayDeque<>();
    private boolean reading;

    LazyRows(TableQuery query, int size, BackgroundReads reads, Consumer<RuntimeException> onFailure) {
        this.query = query;
        this.size = size;
        this.reads = reads;
        this.onFailure = onFailure;
    }

    TableQuery query() {
        return query;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public AttributeRow get(int index) {
        Objects.checkIndex(index, size);
        return page(index / PAGE_SIZE)[index % PAGE_SIZE];
    }

    /** The row at {@code index} if its page has been read, else null; asks for nothing. */
    AttributeRow loadedRow(int index) {
        AttributeRow[] rows = pages.get(index / PAGE_SIZE);
        AttributeRow row = rows == null ? null : rows[index % PAGE_SIZE];
        return row != null && row.isLoaded() ? row : null;
    }

    private AttributeRow[] page(int page) {
        AttributeRow[] rows = pages.get(page);
        if (rows == null) {
            int first = page * PAGE_SIZE;
            rows = new AttributeRow[Math.min(PAGE_SIZE, size - first)];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new AttributeRow(first + i);
            }
            pages.put(page, rows);
            pending.remove(page);
            pending.addFirst(page);
            readNext();
        }
        return rows;
    }

    private void readNext() {
        if (reading || pending.isEmpty()) {
            return;
        }
        int page = pending.pollFirst();
        for (Iterator<Integer> it = pending.iterator(); it.hasNext();) {
            int p = it.next();
            if (Math.abs(p - page) > NEAR) {
                it.remove();
                pages.remove(p); // asked for again (and read) if the table shows it after all
            }
        }
        reading = true;
        reads.read(store -> query.page(store, (long) page * PAGE_SIZE, PAGE_SIZE), features -> {
            reading = false;
            fill(page, features);
            readNext();
        }, failure -> {
            reading = false;
            pending.clear();
            onFailure.accept(failure);
        });
    }

    private void fill(int page, List<Feature> features) {
        AttributeRow[] rows = pages.get(page);
        if (rows == null) {
            return; // dropped from the cache while it was read
        }
        for (int i = 0; i < rows.length && i < features.size(); i++) {
            rows[i].fill(features.get(i));
        }
    }
}
