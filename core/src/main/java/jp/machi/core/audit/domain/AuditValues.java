package jp.machi.core.audit.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import jp.machi.core.api.Decimals;

/**
 * Attribute values as the audit trail keeps them: plain JSON-able values, so that equal values
 * compare equal however they were typed (55 and 55.0000 are the same target) and the record reads
 * the same on every database.
 *
 * <p>A normalized value is one of: {@code null}, {@link String}, {@link Boolean}, a plain
 * {@link BigDecimal}, a {@link List} of normalized values, or a {@link Map} from attribute name to
 * normalized value (a summarised child row).
 */
public final class AuditValues {

    /** What a masked attribute's values are replaced with. */
    public static final String MASKED = "***";

    private AuditValues() {
    }

    public static Object normalize(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof BigDecimal d) {
            return Decimals.plain(d);
        }
        if (v instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? Decimals.plain(BigDecimal.valueOf(d)) : Double.toString(d);
        }
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (v instanceof Character || v instanceof UUID || v instanceof Enum<?>) {
            return v instanceof Enum<?> e ? e.name() : v.toString();
        }
        if (v instanceof Temporal t && t.isSupported(ChronoUnit.MICROS)) {
            // Databases keep microseconds: a value read back must read as it was written.
            return truncated(t).toString();
        }
        if (v instanceof TemporalAccessor || v instanceof java.sql.Date || v instanceof java.sql.Time) {
            return v.toString();
        }
        if (v instanceof Date d) {
            return d.toInstant().toString();
        }
        if (v instanceof byte[] b) {
            return "(" + b.length + " bytes)";
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), normalize(x)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(normalize(x)));
            return out;
        }
        return v.toString();
    }

    private static Temporal truncated(Temporal t) {
        if (t instanceof OffsetDateTime o) {
            return o.truncatedTo(ChronoUnit.MICROS);
        }
        if (t instanceof Instant i) {
            return i.truncatedTo(ChronoUnit.MICROS);
        }
        if (t instanceof LocalDateTime l) {
            return l.truncatedTo(ChronoUnit.MICROS);
        }
        if (t instanceof ZonedDateTime z) {
            return z.truncatedTo(ChronoUnit.MICROS);
        }
        if (t instanceof LocalTime l) {
            return l.truncatedTo(ChronoUnit.MICROS);
        }
        return t;
    }

    /** Equal as the trail sees it (both normalized). */
    public static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }

    /**
     * An order for summarised child rows and id lists, so that a collection reads the same before
     * and after whatever order the database returned it in: attribute by attribute, in the order
     * the rows list them, numbers by value, nulls first.
     */
    public static final Comparator<Object> ORDER = AuditValues::compare;

    @SuppressWarnings("unchecked")
    private static int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null) {
            return -1;
        }
        if (b == null) {
            return 1;
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y);
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            var i = x.values().iterator();
            var j = y.values().iterator();
            while (i.hasNext() && j.hasNext()) {
                int c = compare(i.next(), j.next());
                if (c != 0) {
                    return c;
                }
            }
            return Boolean.compare(i.hasNext(), j.hasNext());
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            for (int k = 0; k < Math.min(x.size(), y.size()); k++) {
                int c = compare(x.get(k), y.get(k));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable<?> ca) {
            return ((Comparable<Object>) ca).compareTo(b);
        }
        int byKind = a.getClass().getName().compareTo(b.getClass().getName());
        return byKind != 0 ? byKind : a.toString().compareTo(b.toString());
    }

    /** The normalized values sorted by {@link #ORDER}. */
    public static List<Object> sorted(Collection<?> normalized) {
        List<Object> out = new ArrayList<>(normalized);
        out.sort(ORDER);
        return out;
    }
}
