package jp.machi.core.personaldata;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link PersonalData} fields of an entity: which of them hold a value (what a full read
 * discloses). Anonymising is the entity's own method (setting fields from outside would escape
 * the persistence layer's change tracking): a name becomes {@value #ANONYMOUS_NAME}, every other
 * personal field null, and the row, its id, dates and other content stay, so whatever refers to
 * it stays valid.
 */
public final class PersonalDataFields {

    /** What a name becomes when anonymised. */
    public static final String ANONYMOUS_NAME = "匿名";

    private PersonalDataFields() {
    }

    /** Names of the entity's personal-data fields that hold a value. */
    public static List<String> present(Object entity) {
        List<String> out = new ArrayList<>();
        for (Field f : fields(entity.getClass())) {
            if (read(f, entity) != null) {
                out.add(f.getName());
            }
        }
        return out;
    }

    static List<Field> fields(Class<?> type) {
        List<Field> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(PersonalData.class)) {
                    f.setAccessible(true);
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static Object read(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
