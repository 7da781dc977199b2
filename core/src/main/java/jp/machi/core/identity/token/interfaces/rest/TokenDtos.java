package jp.machi.core.identity.token.interfaces.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.identity.token.domain.ApiToken;

/** JSON shapes of the API-token API. */
public final class TokenDtos {

    private TokenDtos() {
    }

    /** Japan's clock: a date without time means the end of that day there. */
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** A token as listed: what it may do and when it was used, never its secret. */
    @JsonbPropertyOrder({"id", "name", "role", "municipalityCode", "prefix", "createdBy", "createdAt", "expiresAt",
        "revokedAt", "lastUsedAt"})
    public record TokenView(UUID id, String name, String role, String municipalityCode, String prefix,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime revokedAt,
            OffsetDateTime lastUsedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.getId(), t.getName(), t.getRole().name(), t.getMunicipalityCode(), t.getPrefix(),
                    t.getCreatedBy(), t.getCreatedAt(), t.getExpiresAt(), t.getRevokedAt(), t.getLastUsedAt());
        }
    }

    /** A token just issued: the listing's fields and, this once, {@code token}, the secret. */
    @JsonbPropertyOrder({"id", "name", "role", "municipalityCode", "prefix", "createdBy", "createdAt", "expiresAt",
        "token"})
    public record IssuedTokenView(UUID id, String name, String role, String municipalityCode, String prefix,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime expiresAt, String token) {
        static IssuedTokenView of(ApiToken t, String secret) {
            return new IssuedTokenView(t.getId(), t.getName(), t.getRole().name(), t.getMunicipalityCode(),
                    t.getPrefix(), t.getCreatedBy(), t.getCreatedAt(), t.getExpiresAt(), secret);
        }
    }

    /** {@code {"name": "…", "role": "STAFF", "expiresAt": "2027-03-31"}}; role and expiry as the endpoint says. */
    public static class NewToken {
        @NotBlank
        @Size(max = 100)
        public String name;

        public String role;

        /** ISO-8601 with offset, or a date (valid until the end of that day, Japan time); none: no expiry. */
        public String expiresAt;
    }

    static OffsetDateTime expiry(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        OffsetDateTime at;
        try {
            at = text.strip().length() == 10
                    ? LocalDate.parse(text.strip()).plusDays(1).atStartOfDay(JAPAN).toOffsetDateTime()
                    : OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("expiresAt", "token.expiresAt.format", text)));
        }
        if (!at.isAfter(OffsetDateTime.now(ZoneOffset.UTC))) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("expiresAt", "token.expiresAt.past", text)));
        }
        return at.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
