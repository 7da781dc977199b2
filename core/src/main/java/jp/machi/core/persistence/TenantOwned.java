package jp.machi.core.persistence;

import jakarta.persistence.MappedSuperclass;
import org.eclipse.persistence.annotations.Customizer;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Base of every row that belongs to one municipality. EclipseLink fills and filters the
 * {@code municipality_code} column from the entity manager's {@value Tenancy#TENANT_PROPERTY}
 * property, so no query, find or update can reach another municipality's rows, and none can forget
 * to ask. Entity managers get that property from {@link Tenancy}.
 *
 * <p>Subclasses' tables need a {@code municipality_code VARCHAR(6) NOT NULL} column referencing
 * {@code municipality(code)}.
 */
@MappedSuperclass
@Customizer(UuidColumns.class)
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "municipality_code", contextProperty = Tenancy.TENANT_PROPERTY, length = 6)
public abstract class TenantOwned {
}
