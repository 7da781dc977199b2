package jp.machi.core.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.function.Function;

/** One page of a list, with what a client needs to fetch the others. */
@JsonbPropertyOrder({"items", "page", "size", "totalItems", "totalPages"})
public final class Page<T> {

    private final List<T> items;
    private final int page;
    private final int size;
    private final long totalItems;

    public Page(List<T> items, int page, int size, long totalItems) {
        this.items = List.copyOf(items);
        this.page = page;
        this.size = size;
        this.totalItems = totalItems;
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

    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), page, size, totalItems);
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

    public long getTotalPages() {
        return size == 0 ? 0 : (totalItems + size - 1) / size;
    }
}
