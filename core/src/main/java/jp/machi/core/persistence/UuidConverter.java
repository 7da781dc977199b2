package jp.machi.core.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Hands {@link UUID} attributes to the driver as UUID objects and accepts whatever the driver
 * returns. EclipseLink 4.0's own UUID handling binds them as text, which PostgreSQL's {@code uuid}
 * columns refuse, and throws a NullPointerException when it reads a NULL (an optional reference
 * such as a root unit's {@code parent_id}).
 */
@Converter(autoApply = true)
public class UuidConverter implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID attribute) {
        return attribute;
    }

    @Override
    public UUID convertToEntityAttribute(Object stored) {
        if (stored == null || stored instanceof UUID) {
            return (UUID) stored;
        }
        if (stored instanceof byte[] bytes && bytes.length == 16) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            return new UUID(b.getLong(), b.getLong());
        }
        return UUID.fromString(stored.toString());
    }
}
