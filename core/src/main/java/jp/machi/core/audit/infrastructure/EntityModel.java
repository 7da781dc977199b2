package jp.machi.core.audit.infrastructure;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.machi.core.audit.AuditMasked;
import jp.machi.core.audit.domain.EntityTypeNames;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.SingleTableMultitenantPolicy;
import org.eclipse.persistence.descriptors.VersionLockingPolicy;
import org.eclipse.persistence.mappings.CollectionMapping;
import org.eclipse.persistence.mappings.DatabaseMapping;

/**
 * What the audit trail needs to know about one entity type, worked out once from its EclipseLink
 * descriptor: its recorded name, the attributes it records (in the order the class declares them;
 * not the id, which is the event's entity id, nor the version), which are masked, where its
 * municipality comes from, and its owned collections or its owner.
 *
 * <p>An <em>owned</em> collection is a one-to-many with {@code orphanRemoval} and {@code mappedBy}
 * (an indicator's yearly values): its rows are parts of the owner, so their changes are recorded
 * in the owner's event, as the collection before and after, not as events of their own.
 */
final class EntityModel {

    /** Attribute names that hold secrets, masked even without {@link AuditMasked}. */
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret).*|.*(Hash|Salt)");

    /** An owned collection of this entity. */
    record OwnedCollection(CollectionMapping mapping, ClassDescriptor child, String backReference) {
    }

    /** How an owned child reaches its owner. */
    record Owner(DatabaseMapping backReference, ClassDescriptor parent, String collection) {
    }

    final ClassDescriptor descriptor;
    final String type;
    final List<DatabaseMapping> attributes;
    final Set<String> masked;
    final String tenantProperty;
    final Map<String, OwnedCollection> owned;
    final Owner owner;

    private EntityModel(ClassDescriptor descriptor, List<DatabaseMapping> attributes, Set<String> masked,
            String tenantProperty, Map<String, OwnedCollection> owned, Owner owner) {
        this.descriptor = descriptor;
        this.type = EntityTypeNames.of(descriptor.getJavaClass());
        this.attributes = attributes;
        this.masked = masked;
        this.tenantProperty = tenantProperty;
        this.owned = owned;
        this.owner = owner;
    }

    /** Models of every descriptor given, with owned collections linked both ways. */
    static Map<Class<?>, EntityModel> build(Iterable<ClassDescriptor> descriptors) {
        Map<ClassDescriptor, Map<String, OwnedCollection>> ownedBy = new HashMap<>();
        Map<ClassDescriptor, Owner> ownerOf = new HashMap<>();
        for (ClassDescriptor d : descriptors) {
            for (DatabaseMapping m : d.getMappings()) {
                if (m.isOneToManyMapping() && m.isPrivateOwned() && m.getReferenceDescriptor() != null) {
                    CollectionMapping c = (CollectionMapping) m;
                    ClassDescriptor child = c.getReferenceDescriptor();
                    DatabaseMapping back = backReference(c, d, child);
                    if (back != null && !ownerOf.containsKey(child)) {
                        ownedBy.computeIfAbsent(d, x -> new LinkedHashMap<>())
                                .put(m.getAttributeName(), new OwnedCollection(c, child, back.getAttributeName()));
                        ownerOf.put(child, new Owner(back, d, m.getAttributeName()));
                    }
                }
            }
        }
        Map<Class<?>, EntityModel> models = new HashMap<>();
        for (ClassDescriptor d : descriptors) {
            Owner owner = ownerOf.get(d);
            models.put(d.getJavaClass(), of(d, ownedBy.getOrDefault(d, Map.of()), owner));
        }
        return models;
    }

    /** The child's many-to-one back to {@code parent}: by {@code mappedBy}, else by target type. */
    private static DatabaseMapping backReference(CollectionMapping c, ClassDescriptor parent, ClassDescriptor child) {
        String mappedBy = c.getMappedBy();
        if (mappedBy != null) {
            DatabaseMapping m = child.getMappingForAttributeName(mappedBy);
            if (m != null && m.isObjectReferenceMapping()) {
                return m;
            }
        }
        DatabaseMapping found = null;
        for (DatabaseMapping m : child.getMappings()) {
            if (m.isObjectReferenceMapping() && m.getReferenceDescriptor() == parent) {
                if (found != null) {
                    return null; // two references to the owner: ambiguous, record the rows on their own
                }
                found = m;
            }
        }
        return found;
    }

    static EntityModel of(ClassDescriptor d, Map<String, OwnedCollection> owned, Owner owner) {
        Map<String, Integer> order = declarationOrder(d.getJavaClass());
        DatabaseMapping version = null;
        if (d.getOptimisticLockingPolicy() instanceof VersionLockingPolicy v) {
            version = v.getVersionMapping();
        }
        List<DatabaseMapping> attributes = new ArrayList<>();
        Set<String> masked = new HashSet<>();
        for (DatabaseMapping m : d.getMappings()) {
            String name = m.getAttributeName();
            if (name == null || m == version || d.getObjectBuilder().isPrimaryKeyMapping(m)
                    || (owner != null && m == owner.backReference())
                    || (m.isReadOnly() && !m.isCollectionMapping()) || name.startsWith("_persistence_")) {
                continue;
            }
            attributes.add(m);
            if (SECRET.matcher(name).matches() || isAnnotatedMasked(d.getJavaClass(), name)) {
                masked.add(name);
            }
        }
        attributes.sort((a, b) -> {
            int c = Integer.compare(order.getOrDefault(a.getAttributeName(), Integer.MAX_VALUE),
                    order.getOrDefault(b.getAttributeName(), Integer.MAX_VALUE));
            return c != 0 ? c : a.getAttributeName().compareTo(b.getAttributeName());
        });
        String tenant = null;
        if (d.hasMultitenantPolicy() && d.getMultitenantPolicy() instanceof SingleTableMultitenantPolicy p
                && p.hasTenantDiscriminatorFields()) {
            tenant = p.getTenantDiscriminatorFields().values().iterator().next();
        }
        return new EntityModel(d, Collections.unmodifiableList(attributes), Collections.unmodifiableSet(masked), tenant,
                Collections.unmodifiableMap(owned), owner);
    }

    /** Field positions as the classes declare them, superclass fields first. */
    private static Map<String, Integer> declarationOrder(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        Map<String, Integer> order = new HashMap<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                order.putIfAbsent(f.getName(), order.size());
            }
        }
        return order;
    }

    private static boolean isAnnotatedMasked(Class<?> type, String attribute) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                java.lang.reflect.Field f = c.getDeclaredField(attribute);
                // Personal data too: the trail must keep no copy that would outlive an anonymisation.
                return f.isAnnotationPresent(AuditMasked.class)
                        || f.isAnnotationPresent(jp.machi.core.personaldata.PersonalData.class);
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        return false;
    }

    boolean isMasked(String attribute) {
        return masked.contains(attribute);
    }

    boolean records(DatabaseMapping m) {
        return attributes.contains(m);
    }
}
