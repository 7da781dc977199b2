package jp.machi.core.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Maps UUID attributes to UUID columns, including NULL. EclipseLink 4.0.7's built-in UUID
 * conversion throws a NullPointerException when it reads NULL from a nullable UUID column (a root
 * unit's parent, an indicator without owner); applied automatically, this converter takes its place.
 * Ids are not affected: JPA never converts {@code @Id} attributes.
 */
@Converter(autoApply = true)
public class UuidConverter implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID attribute) {
        return attribute;
    }

    @Override
    public UUID convertToEntityAttribute(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof UUID uuid) {
            return uuid;
        }
        if (column instanceof byte[] bytes && bytes.length == 16) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
            return new UUID(b.getLong(), b.getLong());
        }
        return UUID.fromString(column.toString());
    }
}
