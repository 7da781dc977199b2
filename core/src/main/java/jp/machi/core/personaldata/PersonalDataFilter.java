package jp.machi.core.personaldata;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.machi.core.api.Csv;
import jp.machi.core.api.Page;
import jp.machi.core.api.Xlsx;

/**
 * Applies a {@link Visibility} to the {@link PersonalData} components of a response: rebuilds
 * records (nested ones too, inside pages, lists and CSV tables) with their personal values
 * masked or nulled. Anything else passes unchanged, except an object that is not a record but
 * declares personal-data fields (an entity handed out as it is): that is refused, so a forgotten
 * view fails loudly instead of leaking.
 */
public final class PersonalDataFilter {

    private static final Map<Class<?>, Boolean> CARRIES = new ConcurrentHashMap<>();

    private PersonalDataFilter() {
    }

    public static Object apply(Object o, Visibility v) {
        if (o == null || v == Visibility.FULL && !(o instanceof Csv.Table<?>) && !(o instanceof Csv.Streamed<?>)
                && !(o instanceof Xlsx.Streamed<?>)) {
            return o;
        }
        if (o instanceof Page<?> p) {
            return p.map(x -> apply(x, v));
        }
        if (o instanceof Csv.Table<?> t) {
            Visibility csv = v == Visibility.FULL ? Visibility.MASKED : v;
            return t.withRows(t.rows().stream().map(x -> apply(x, csv)).toList());
        }
        if (o instanceof Csv.Streamed<?> t) {
            Visibility csv = v == Visibility.FULL ? Visibility.MASKED : v;
            return t.mapRows(x -> apply(x, csv));
        }
        if (o instanceof Xlsx.Streamed<?> t) {
            Visibility xlsx = v == Visibility.FULL ? Visibility.MASKED : v;
            return t.mapRows(x -> apply(x, xlsx));
        }
        if (o instanceof Collection<?> c) {
            if (c.isEmpty()) {
                return o;
            }
            List<Object> out = new ArrayList<>(c.size());
            boolean changed = false;
            for (Object x : c) {
                Object y = apply(x, v);
                changed |= y != x;
                out.add(y);
            }
            return changed ? out : o;
        }
        if (o instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return o;
            }
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object y = apply(e.getValue(), v);
                changed |= y != e.getValue();
                out.put(e.getKey(), y);
            }
            return changed ? out : o;
        }
        Class<?> type = o.getClass();
        if (type.isRecord()) {
            return carries(type) ? record((Record) o, v) : o;
        }
        if (declaresPersonalFields(type)) {
            throw new IllegalStateException(type.getName()
                    + " holds personal data and is not a response view (a record): refusing to write it");
        }
        return o;
    }

    /** Whether a record type has personal-data components, directly or in nested records. */
    static boolean carries(Class<?> type) {
        Boolean known = CARRIES.get(type);
        if (known != null) {
            return known;
        }
        CARRIES.put(type, Boolean.FALSE); // cycles
        boolean found = false;
        for (RecordComponent rc : type.getRecordComponents()) {
            if (rc.isAnnotationPresent(PersonalData.class)) {
                found = true;
            } else if (rc.getType().isRecord() && carries(rc.getType())) {
                found = true;
            } else if (Collection.class.isAssignableFrom(rc.getType()) || Map.class.isAssignableFrom(rc.getType())) {
                found |= elementsMayCarry(rc.getGenericType());
            } else if (rc.getType() == Object.class) {
                found = true; // looked at when written
            }
        }
        CARRIES.put(type, found);
        return found;
    }

    /** Whether the elements (the values, for a map) of a collection type may hold personal data. */
    private static boolean elementsMayCarry(java.lang.reflect.Type type) {
        if (!(type instanceof java.lang.reflect.ParameterizedType p)) {
            return true;
        }
        java.lang.reflect.Type[] args = p.getActualTypeArguments();
        java.lang.reflect.Type element = args[args.length - 1];
        if (element instanceof Class<?> c) {
            if (c.isRecord()) {
                return carries(c);
            }
            return !(c.isPrimitive() || c.isEnum() || c.getName().startsWith("java.") && c != Object.class);
        }
        if (element instanceof java.lang.reflect.ParameterizedType) {
            return elementsMayCarry(element);
        }
        return true;
    }

    private static Object record(Record r, Visibility v) {
        RecordComponent[] rcs = r.getClass().getRecordComponents();
        Object[] args = new Object[rcs.length];
        Class<?>[] types = new Class<?>[rcs.length];
        try {
            for (int i = 0; i < rcs.length; i++) {
                RecordComponent rc = rcs[i];
                types[i] = rc.getType();
                var accessor = rc.getAccessor();
                accessor.setAccessible(true);
                Object value = accessor.invoke(r);
                PersonalData pd = rc.getAnnotation(PersonalData.class);
                if (pd != null) {
                    args[i] = value instanceof String s ? Masking.apply(pd.value(), s, v)
                            : v == Visibility.FULL ? value : null;
                } else {
                    args[i] = apply(value, v);
                }
            }
            Constructor<?> c = r.getClass().getDeclaredConstructor(types);
            c.setAccessible(true);
            return c.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot mask personal data of " + r.getClass().getName(), e);
        }
    }

    private static boolean declaresPersonalFields(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getName().startsWith("java.")) {
                return false;
            }
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(PersonalData.class)) {
                    return true;
                }
            }
        }
        return false;
    }
}
