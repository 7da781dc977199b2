package jp.machi.core.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Stores {@link Instant} attributes in {@code TIMESTAMP} columns as UTC. Jakarta Persistence 3.1
 * (EclipseLink 4.0, bundled with Payara 6) does not know {@code Instant} as a basic type — that
 * came with 3.2 — and would otherwise write it as a serialised blob, which the column refuses.
 * UTC keeps the stored value independent of the server's time zone.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, LocalDateTime> {

    @Override
    public LocalDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(LocalDateTime stored) {
        return stored == null ? null : stored.toInstant(ZoneOffset.UTC);
    }
}
