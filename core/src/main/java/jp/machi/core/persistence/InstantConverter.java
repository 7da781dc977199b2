package jp.machi.core.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Stores an {@link Instant} in a {@code TIMESTAMP} column as its UTC wall-clock time.
 *
 * <p>Why: Jakarta Persistence 3.1 (EclipseLink 4.0) has no mapping for {@code Instant}; EclipseLink
 * falls back to Java serialization and the insert fails on H2 and PostgreSQL alike ("Data
 * conversion error converting X'aced…'"). {@link LocalDateTime} is a standard basic type, and
 * pinning it to UTC keeps the stored value independent of the server's time zone.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, LocalDateTime> {

    @Override
    public LocalDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
