package jp.machi.core.persistence;

import java.lang.reflect.Field;
import java.sql.Types;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.persistence.config.DescriptorCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.foundation.AbstractDirectMapping;

/**
 * Marks the columns of {@link UUID} attributes as SQL type OTHER. EclipseLink binds a NULL by the
 * column's SQL type and, not knowing UUID, would say VARCHAR, which PostgreSQL refuses for a
 * {@code uuid} column ("is of type uuid but expression is of type character varying"): every
 * optional reference, such as a root unit's parent, would fail to save. OTHER lets the driver
 * leave the type to the column. Applied to every tenant-owned entity through {@link TenantOwned}.
 */
public class UuidColumns implements DescriptorCustomizer {

    private static final Logger LOG = Logger.getLogger(UuidColumns.class.getName());

    @Override
    public void customize(ClassDescriptor descriptor) {
        for (DatabaseMapping mapping : descriptor.getMappings()) {
            if (mapping instanceof AbstractDirectMapping direct && direct.getField() != null
                    && isUuid(descriptor.getJavaClass(), mapping.getAttributeName())) {
                direct.getField().setSqlType(Types.OTHER);
                LOG.fine(() -> "UUID column " + descriptor.getJavaClass().getSimpleName() + "." + mapping.getAttributeName());
            }
        }
    }

    private static boolean isUuid(Class<?> type, String attribute) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(attribute);
                return f.getType() == UUID.class;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        return false;
    }
}
