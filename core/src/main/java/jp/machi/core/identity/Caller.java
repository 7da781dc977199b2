package jp.machi.core.identity;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * Who is calling, however they signed in: a user of Machi's own store, an API token, or a user of
 * an external OpenID Connect provider. {@code municipalityCode} is null only for a platform
 * administrator; {@code unitId} is the staff member's own organisational unit, if known.
 *
 * @param id stable id of the account or token (for the audit trail)
 * @param name login name, token name or OIDC subject, as the audit trail shows it
 * @param method how the caller signed in
 */
public record Caller(String id, String name, Role role, String municipalityCode, UUID unitId, Method method)
        implements Serializable {

    /** How a caller proved who they are. */
    public enum Method {
        PASSWORD,
        API_TOKEN,
        OIDC,
        /** Machi itself: start-up work such as demo data. */
        SYSTEM
    }

    /** Machi acting on its own (start-up, demo data, scheduled work). */
    public static final Caller SYSTEM = new Caller("system", "system", Role.PLATFORM_ADMIN, null, null, Method.SYSTEM);

    public Caller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        if (role != Role.PLATFORM_ADMIN && municipalityCode == null) {
            throw new IllegalArgumentException("Only a platform administrator belongs to no municipality");
        }
    }

    /** May this caller act for {@code lgCode} at all (before looking at the role)? */
    public boolean belongsTo(String lgCode) {
        return role == Role.PLATFORM_ADMIN || lgCode.equals(municipalityCode);
    }

    public boolean has(Role minimum) {
        return role.includes(minimum);
    }
}
