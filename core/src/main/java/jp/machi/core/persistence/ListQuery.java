package jp.machi.core.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.machi.core.api.Page;
import jp.machi.core.api.PageRequest;
import jp.machi.core.api.Sort;

/**
 * A list read in the database: JPQL conditions, an order (a {@link Sort}, ending with the id), and
 * then either one page ({@code setFirstResult/setMaxResults} and a count up to {@link #countLimit()}) or chunks for an
 * export ({@link #chunk}, keyset when no field of the order may be NULL). Tenant-owned entities are
 * filtered by municipality by EclipseLink, as in every JPQL query: use an entity manager from
 * {@link Tenancy}. Conditions are fixed text written by the list's service; values only ever
 * travel as parameters.
 *
 * <pre>{@code
 * ListQuery.of(tenancy.em(), CitizenVoice.class, "v")
 *         .where("v.status = :status", "status", filter.status())   // left out when the value is null
 *         .orderBy(SORT.parse(sortText))
 *         .page(paging);
 * }</pre>
 */
public final class ListQuery<T> {

    private final EntityManager em;
    private final Class<T> type;
    private final String alias;
    private final String idPath;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private Sort sort;

    private ListQuery(EntityManager em, Class<T> type, String alias, String idPath) {
        this.em = em;
        this.type = type;
        this.alias = alias;
        this.idPath = idPath;
    }

    /** All rows of {@code type} the entity manager may see, as {@code alias}; the id attribute is {@code id}. */
    public static <T> ListQuery<T> of(EntityManager em, Class<T> type, String alias) {
        return new ListQuery<>(em, type, alias, alias + ".id");
    }

    /** A condition with one parameter, left out when {@code value} is null (an optional filter). */
    public ListQuery<T> where(String condition, String param, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(param, value);
        }
        return this;
    }

    /** A condition that always applies, with its parameters as name, value pairs. */
    public ListQuery<T> always(String condition, Object... nameValuePairs) {
        conditions.add(condition);
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            params.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return this;
    }

    /** A condition with several parameters, added when {@code apply} (e.g. a yes/no filter that was given). */
    public ListQuery<T> when(boolean apply, String condition, Object... nameValuePairs) {
        return apply ? always(condition, nameValuePairs) : this;
    }

    /**
     * A case-insensitive "contains" condition on any of {@code paths} for the caller's {@code text},
     * its {@code %} and {@code _} taken literally; left out when the text is null or blank.
     */
    public ListQuery<T> contains(String param, String text, String... paths) {
        if (text == null || text.isBlank()) {
            return this;
        }
        String pattern = "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                .replace("_", "!_") + "%";
        List<String> any = new ArrayList<>();
        for (String path : paths) {
            any.add("LOWER(" + path + ") LIKE :" + param + " ESCAPE '!'");
        }
        return always("(" + String.join(" OR ", any) + ")", param, pattern);
    }

    public ListQuery<T> orderBy(Sort sort) {
        this.sort = sort;
        return this;
    }

    /** How many rows match. */
    public long count() {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(" + alias + ")" + from(List.of()), Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    /** The rows {@code first} to {@code first + max - 1} in order. */
    public List<T> list(int first, int max) {
        TypedQuery<T> q = em.createQuery("SELECT " + alias + from(List.of()) + order(), type);
        params.forEach(q::setParameter);
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** Every matching row in order; only for lists bounded by nature (a plan's levels), never a table's rows. */
    public List<T> all() {
        TypedQuery<T> q = em.createQuery("SELECT " + alias + from(List.of()) + order(), type);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    /**
     * One page and the total, so that the page costs the page and not the table (ADR 0031): the page
     * is read with one row more than asked for. A last page (or a first one not full) gives the exact
     * total without a count. Otherwise the rows are counted only when there are no more than
     * {@link #countLimit()} of them (one row at that position, unordered, tells); past it, or on a
     * page past it, the page says "more than" ({@link Page#moreThan}) and counts nothing.
     */
    public Page<T> page(PageRequest paging) {
        int page = paging.page();
        int size = paging.size();
        int offset = page * size;
        List<T> rows = list(offset, size + 1);
        boolean more = rows.size() > size;
        List<T> items = more ? rows.subList(0, size) : rows;
        if (!more && (!items.isEmpty() || offset == 0)) {
            return new Page<>(items, page, size, (long) offset + items.size());
        }
        long limit = countLimit();
        if (more && (long) offset + size >= limit) {
            return Page.moreThan(items, page, size, (long) offset + size);
        }
        if (exists(limit)) {
            return Page.moreThan(items, page, size, limit);
        }
        return new Page<>(items, page, size, count());
    }

    /** Whether more than {@code n} rows match: one id read at position n, in no particular order. */
    private boolean exists(long n) {
        if (n >= Integer.MAX_VALUE) {
            return false;
        }
        TypedQuery<Object> q = em.createQuery("SELECT " + idPath + from(List.of()), Object.class);
        params.forEach(q::setParameter);
        return !q.setFirstResult((int) n).setMaxResults(1).getResultList().isEmpty();
    }

    private static volatile Long countLimit;

    /**
     * How far a page's total is counted: {@code machi.api.count-limit} ({@code MACHI_API_COUNT_LIMIT}),
     * 10,000 rows by default, at least 5. Lists of more rows answer "more than 10,000".
     */
    public static long countLimit() {
        Long l = countLimit;
        if (l == null) {
            l = jp.machi.core.config.MachiConfig.get(COUNT_LIMIT_PROPERTY).map(v -> {
                try {
                    return Long.parseLong(v.strip());
                } catch (NumberFormatException e) {
                    return DEFAULT_COUNT_LIMIT;
                }
            }).map(v -> Math.max(MIN_COUNT_LIMIT, v)).orElse(DEFAULT_COUNT_LIMIT);
            countLimit = l;
        }
        return l;
    }

    public static final String COUNT_LIMIT_PROPERTY = "machi.api.count-limit";
    public static final long DEFAULT_COUNT_LIMIT = 10_000;
    public static final long MIN_COUNT_LIMIT = 5;

    /** Where an export stopped: the last row's sort values and id (keyset), or the rows read so far. */
    public record Cursor(Object[] key, int read) {

        public static final Cursor START = new Cursor(null, 0);
    }

    /** One chunk of an export and where the next one starts; an empty chunk is the end. */
    public record Chunk<T>(List<T> rows, Cursor next) {
    }

    /**
     * The next {@code size} rows after {@code after}: by keyset (rows after the last one's sort values
     * and id, so rows added meanwhile neither repeat nor shift the rest) when no field of the order
     * may be NULL, else by offset.
     */
    public Chunk<T> chunk(Cursor after, int size) {
        if (sort != null && !sort.nonNull()) {
            List<T> rows = list(after.read(), size);
            return new Chunk<>(rows, new Cursor(null, after.read() + rows.size()));
        }
        List<String> paths = new ArrayList<>();
        List<Sort.Order> orders = sort == null ? List.of() : sort.orders();
        orders.forEach(o -> paths.add(o.path()));
        paths.add(idPath);
        List<String> extra = new ArrayList<>();
        Map<String, Object> keyParams = new LinkedHashMap<>();
        if (after.key() != null) {
            List<String> alternatives = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                StringBuilder alt = new StringBuilder("(");
                for (int j = 0; j < i; j++) {
                    alt.append(paths.get(j)).append(" = :k").append(j).append(" AND ");
                }
                boolean desc = i < orders.size() && orders.get(i).descending();
                alt.append(paths.get(i)).append(desc ? " < :k" : " > :k").append(i).append(')');
                alternatives.add(alt.toString());
                keyParams.put("k" + i, after.key()[i]);
            }
            extra.add("(" + String.join(" OR ", alternatives) + ")");
        }
        TypedQuery<Object[]> q = em.createQuery("SELECT " + alias + ", " + String.join(", ", paths) + from(extra)
                + order(), Object[].class);
        params.forEach(q::setParameter);
        keyParams.forEach(q::setParameter);
        List<Object[]> found = q.setMaxResults(size).getResultList();
        List<T> rows = new ArrayList<>(found.size());
        for (Object[] r : found) {
            rows.add(type.cast(r[0]));
        }
        Cursor next = found.isEmpty() ? after
                : new Cursor(Arrays.copyOfRange(found.get(found.size() - 1), 1, paths.size() + 1),
                        after.read() + rows.size());
        return new Chunk<>(rows, next);
    }

    private String from(List<String> extra) {
        StringBuilder s = new StringBuilder(" FROM ").append(em.getMetamodel().entity(type).getName()).append(' ')
                .append(alias);
        List<String> all = new ArrayList<>(conditions);
        all.addAll(extra);
        if (!all.isEmpty()) {
            s.append(" WHERE ").append(String.join(" AND ", all));
        }
        return s.toString();
    }

    private String order() {
        return sort == null ? " ORDER BY " + idPath + " ASC" : sort.orderBy(idPath);
    }
}
