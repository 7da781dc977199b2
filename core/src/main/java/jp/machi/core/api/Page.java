package jp.machi.core.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with what a client needs to fetch the others. {@code totalItems} is exact
 * unless {@code totalItemsExact} is false: a list read in the database counts its rows only up to a
 * limit ({@code machi.api.count-limit}, ADR 0031), so that a page costs the page and not the table;
 * past it the list has <em>more than</em> {@code totalItems} rows and {@code totalPages} counts the
 * pages known to exist (the last of them has rows).
 */
@JsonbPropertyOrder({"items", "page", "size", "totalItems", "totalItemsExact", "totalPages"})
public final class Page<T> {

    private final List<T> items;
    private final int page;
    private final int size;
    private final long totalItems;
    private final boolean totalItemsExact;

    /** A page of a list of exactly {@code totalItems} rows. */
    public Page(List<T> items, int page, int size, long totalItems) {
        this(items, page, size, totalItems, true);
    }

    private Page(List<T> items, int page, int size, long totalItems, boolean exact) {
        this.items = List.copyOf(items);
        this.page = page;
        this.size = size;
        this.totalItems = totalItems;
        this.totalItemsExact = exact;
    }

    /** A page of a list known to hold more than {@code lowerBound} rows (not counted further). */
    public static <T> Page<T> moreThan(List<T> items, int page, int size, long lowerBound) {
        return new Page<>(items, page, size, lowerBound, false);
    }

    /**
     * A page cut from a list in memory: only for lists that are bounded and computed by nature (a
     * plan's nodes in document order, the organisation chart on a day). The rows of a table page in
     * the database instead ({@code jp.machi.core.persistence.ListQuery}, ADR 0012).
     */
    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = Math.min(request.offset(), all.size());
        int to = Math.min(from + request.size(), all.size());
        return new Page<>(all.subList(from, to), request.page(), request.size(), all.size());
    }

    /** The same page with its items replaced (e.g. views made for all of them at once). */
    public <R> Page<R> withItems(List<R> replaced) {
        return new Page<>(replaced, page, size, totalItems, totalItemsExact);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), page, size, totalItems, totalItemsExact);
    }

    public List<T> getItems() {
        return items;
    }

    public int getPage() {
        return page;
    }

    public int getSize() {
        return size;
    }

    public long getTotalItems() {
        return totalItems;
    }

    /** False when the list has more rows than {@link #getTotalItems()} (counted up to a limit). */
    public boolean isTotalItemsExact() {
        return totalItemsExact;
    }

    /** The pages; when the total is not exact, the pages known to exist (row totalItems + 1 is on the last). */
    public long getTotalPages() {
        if (size == 0) {
            return 0;
        }
        return totalItemsExact ? (totalItems + size - 1) / size : totalItems / size + 1;
    }
}
