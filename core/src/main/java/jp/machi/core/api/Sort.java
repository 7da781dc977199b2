package jp.machi.core.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ?sort=receivedAt,-subject}: the order of a list, as a comma-separated list of field names,
 * each ascending or, with a leading {@code -}, descending. Only the fields a list declares in its
 * {@link Fields} may be named; anything else is refused with 400 naming the allowed ones. The
 * database orders the rows: {@link #orderBy(String)} gives the JPQL, always ending with the id so
 * that rows with equal values keep one order from page to page.
 */
public final class Sort {

    /** Longest field name echoed back in a refusal, so that hostile input is not mirrored in full. */
    private static final int SHOWN = 40;

    /** One field of the order: its API name, its JPQL path, its direction, whether it may be NULL. */
    public record Order(String field, String path, boolean descending, boolean nullable) {
    }

    private final List<Order> orders;

    private Sort(List<Order> orders) {
        this.orders = List.copyOf(orders);
    }

    public List<Order> orders() {
        return orders;
    }

    /** Whether no field of the order may be NULL (then a list can be read in keyset chunks). */
    public boolean nonNull() {
        return orders.stream().noneMatch(Order::nullable);
    }

    /** {@code " ORDER BY a.x DESC, a.y ASC, a.id ASC"}: the order, then the id as tie-break. */
    public String orderBy(String idPath) {
        StringBuilder s = new StringBuilder(" ORDER BY ");
        for (Order o : orders) {
            s.append(o.path()).append(o.descending() ? " DESC" : " ASC").append(", ");
        }
        return s.append(idPath).append(" ASC").toString();
    }

    /** The text that asks for this order ({@code receivedAt,-subject}). */
    @Override
    public String toString() {
        return String.join(",", orders.stream().map(o -> (o.descending() ? "-" : "") + o.field()).toList());
    }

    /** The sortable fields of one list: API name → JPQL path, and the order when none is asked for. */
    public static final class Fields {

        private final Map<String, String> paths = new LinkedHashMap<>();
        private final Set<String> nullable = new LinkedHashSet<>();
        private String byDefault;

        public static Fields of() {
            return new Fields();
        }

        /** A field whose column is never NULL. */
        public Fields field(String name, String path) {
            paths.put(name, path);
            return this;
        }

        /** A field whose column may be NULL (where NULLs sort depends on the database). */
        public Fields nullable(String name, String path) {
            paths.put(name, path);
            nullable.add(name);
            return this;
        }

        /** The order when the caller gives none, in the same syntax ({@code -receivedAt}). */
        public Fields byDefault(String sort) {
            this.byDefault = sort;
            return this;
        }

        public Set<String> names() {
            return Collections.unmodifiableSet(paths.keySet());
        }

        /**
         * The caller's {@code ?sort=}, or the default when it is absent or blank.
         *
         * @throws ApiException 400 naming the allowed fields, for an unknown, empty or repeated one
         */
        public Sort parse(String text) {
            if (text == null || text.isBlank()) {
                return byDefault == null ? new Sort(List.of()) : parse(byDefault);
            }
            List<Order> orders = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            String allowed = String.join(", ", paths.keySet());
            for (String part : text.split(",", -1)) {
                String item = part.strip();
                boolean desc = item.startsWith("-");
                String name = desc || item.startsWith("+") ? item.substring(1).strip() : item;
                if (!paths.containsKey(name)) {
                    throw refusal("paging.sortUnknown", shown(item), allowed);
                }
                if (!seen.add(name)) {
                    throw refusal("paging.sortRepeated", name, allowed);
                }
                orders.add(new Order(name, paths.get(name), desc, nullable.contains(name)));
            }
            return new Sort(orders);
        }

        private static ApiException refusal(String key, Object... args) {
            return ApiException.invalid(List.of(new ApiException.FieldErrorKey("sort", key, args)));
        }

        private static String shown(String item) {
            return item.length() > SHOWN ? item.substring(0, SHOWN) + "…" : item;
        }
    }
}
