package jp.machi.core.audit.infrastructure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import jp.machi.core.audit.domain.AuditValues;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.identitymaps.CacheId;
import org.eclipse.persistence.internal.queries.ContainerPolicy;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.mappings.CollectionMapping;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.converters.Converter;
import org.eclipse.persistence.mappings.foundation.AbstractDirectMapping;

/**
 * Reads an entity's recorded attributes as {@linkplain AuditValues normalized} values: direct
 * values as the database stores them (an enum by name, a fiscal year as its year), references as
 * the target's id, embedded values as nested objects, owned child rows as a sorted list of their
 * own snapshots, other collections as sorted ids.
 */
final class Snapshots {

    private final Function<ClassDescriptor, EntityModel> models;

    Snapshots(Function<ClassDescriptor, EntityModel> models) {
        this.models = models;
    }

    Map<String, Object> of(Object entity, EntityModel model, AbstractSession session) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (DatabaseMapping m : model.attributes) {
            out.put(m.getAttributeName(), value(entity, m, model, session));
        }
        return out;
    }

    /** One attribute's current value, masked if the model says so. */
    Object value(Object entity, DatabaseMapping m, EntityModel model, AbstractSession session) {
        Object v;
        if (m.isAbstractDirectMapping()) {
            v = direct((AbstractDirectMapping) m, m.getAttributeValueFromObject(entity), session);
        } else if (m.isObjectReferenceMapping()) {
            v = idOf(m.getRealAttributeValueFromObject(entity, session), session);
        } else if (m.isAggregateObjectMapping()) {
            Object part = m.getAttributeValueFromObject(entity);
            v = part == null ? null : of(part, models.apply(m.getReferenceDescriptor()), session);
        } else if (m.isCollectionMapping()) {
            v = collection(entity, (CollectionMapping) m, model, session);
        } else {
            v = AuditValues.normalize(m.getRealAttributeValueFromObject(entity, session));
        }
        return mask(model, m.getAttributeName(), v);
    }

    static Object mask(EntityModel model, String attribute, Object v) {
        return v != null && model.isMasked(attribute) ? AuditValues.MASKED : v;
    }

    /** A direct attribute value as the column holds it. */
    static Object direct(AbstractDirectMapping m, Object raw, AbstractSession session) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Enum<?> e) {
            return e.name();
        }
        Object data = raw;
        Converter c = m.getConverter();
        if (c != null) {
            try {
                data = c.convertObjectValueToDataValue(raw, session);
            } catch (RuntimeException notConvertible) {
                data = raw;
            }
        }
        return AuditValues.normalize(data);
    }

    /** The elements of a collection attribute, summarised and sorted. */
    List<Object> collection(Object entity, CollectionMapping m, EntityModel model, AbstractSession session) {
        return AuditValues.sorted(elements(entity, m, session).stream()
                .map(e -> element(e, m, model, session)).toList());
    }

    static List<Object> elements(Object entity, CollectionMapping m, AbstractSession session) {
        Object container = m.getRealCollectionAttributeValueFromObject(entity, session);
        List<Object> out = new ArrayList<>();
        if (container == null) {
            return out;
        }
        ContainerPolicy cp = m.getContainerPolicy();
        for (Object it = cp.iteratorFor(container); cp.hasNext(it);) {
            out.add(cp.next(it, session));
        }
        return out;
    }

    Object element(Object e, CollectionMapping m, EntityModel model, AbstractSession session) {
        if (e == null) {
            return null;
        }
        if (m.isDirectCollectionMapping()) {
            return AuditValues.normalize(e);
        }
        if (m.isAggregateCollectionMapping()) {
            return of(e, models.apply(m.getReferenceDescriptor()), session);
        }
        if (model.owned.containsKey(m.getAttributeName())) {
            return of(e, models.apply(session.getDescriptor(e)), session);
        }
        return idOf(e, session);
    }

    /** An entity's id as text (several key parts joined by commas); null for no entity. */
    static String idOf(Object entity, AbstractSession session) {
        if (entity == null) {
            return null;
        }
        ClassDescriptor d = session.getDescriptor(entity);
        if (d == null) {
            return String.valueOf(entity);
        }
        Object pk = d.getObjectBuilder().extractPrimaryKeyFromObject(entity, session);
        if (pk instanceof CacheId id) {
            StringJoiner j = new StringJoiner(",");
            for (Object part : id.getPrimaryKey()) {
                j.add(String.valueOf(AuditValues.normalize(part)));
            }
            return j.toString();
        }
        return pk == null ? null : String.valueOf(AuditValues.normalize(pk));
    }
}
