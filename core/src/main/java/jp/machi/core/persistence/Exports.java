package jp.machi.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The rows of a {@link ListQuery} for an export, read lazily in chunks of {@value #CHUNK} while the
 * response is written ({@code Csv.stream}). Each chunk is read and turned into views in its own
 * read transaction bound to the municipality of the request ({@link ReadTransactions}): the
 * response is written after the resource method's transaction ended, and only one chunk is held in
 * memory at a time.
 */
@ApplicationScoped
public class Exports {

    public static final int CHUNK = 500;

    @Inject
    Tenancy tenancy;

    @Inject
    ReadTransactions transactions;

    /**
     * The query's rows as views, read when iterated. Call it inside the request's transaction (it
     * takes the municipality from there); {@code view} runs inside each chunk's transaction, so it
     * may read more (a unit's name).
     */
    public <T, R> Iterable<R> of(ListQuery<T> query, Function<? super T, ? extends R> view) {
        String lgCode = tenancy.codeIfAny().orElse(null);
        return () -> new Iterator<R>() {
            private ListQuery.Cursor cursor = ListQuery.Cursor.START;
            private List<R> chunk = List.of();
            private int at;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (at < chunk.size()) {
                    return true;
                }
                if (done) {
                    return false;
                }
                Fetched<R> f = transactions.read(lgCode, () -> {
                    ListQuery.Chunk<T> c = query.chunk(cursor, CHUNK);
                    return new Fetched<R>(c.rows().stream().<R>map(view).toList(), c.next());
                });
                chunk = f.rows();
                cursor = f.next();
                at = 0;
                done = chunk.size() < CHUNK;
                return !chunk.isEmpty();
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return chunk.get(at++);
            }
        };
    }

    /**
     * The same, with each chunk turned into views at once, so that what the views need besides the
     * rows (names of referenced records) is read with one query per chunk, not one per row.
     */
    public <T, R> Iterable<R> ofChunks(ListQuery<T> query, Function<List<T>, List<R>> views) {
        Iterable<List<R>> chunks = ofChunkLists(query, views);
        return () -> new Iterator<R>() {
            private final Iterator<List<R>> outer = chunks.iterator();
            private Iterator<R> inner = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!inner.hasNext() && outer.hasNext()) {
                    inner = outer.next().iterator();
                }
                return inner.hasNext();
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return inner.next();
            }
        };
    }

    private <T, R> Iterable<List<R>> ofChunkLists(ListQuery<T> query, Function<List<T>, List<R>> views) {
        String lgCode = tenancy.codeIfAny().orElse(null);
        return () -> new Iterator<List<R>>() {
            private ListQuery.Cursor cursor = ListQuery.Cursor.START;
            private List<R> chunk;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (chunk != null) {
                    return true;
                }
                if (done) {
                    return false;
                }
                Fetched<R> f = transactions.read(lgCode, () -> {
                    ListQuery.Chunk<T> c = query.chunk(cursor, CHUNK);
                    return new Fetched<R>(c.rows().isEmpty() ? List.of() : views.apply(c.rows()), c.next());
                });
                done = f.rows().size() < CHUNK;
                cursor = f.next();
                chunk = f.rows().isEmpty() ? null : f.rows();
                return chunk != null;
            }

            @Override
            public List<R> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<R> c = chunk;
                chunk = null;
                return c;
            }
        };
    }

    /** The same, where one row of the query becomes several rows of the export (or none). */
    public <T, R> Iterable<R> ofEach(ListQuery<T> query, Function<? super T, ? extends List<? extends R>> rows) {
        Iterable<List<? extends R>> groups = of(query, rows);
        return () -> new Iterator<R>() {
            private final Iterator<List<? extends R>> outer = groups.iterator();
            private Iterator<? extends R> inner = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!inner.hasNext() && outer.hasNext()) {
                    inner = outer.next().iterator();
                }
                return inner.hasNext();
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return inner.next();
            }
        };
    }

    private record Fetched<R>(List<R> rows, ListQuery.Cursor next) {
    }
}
