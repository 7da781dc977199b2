package jp.machi.core.identity;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, however they signed in: a user of Machi's own store, an API token, or a user of
 * an external OpenID Connect provider. {@code municipalityCode} is null only for a platform
 * administrator; {@code unitId} is the staff member's own organisational unit, if known.
 *
 * @param id stable id of the account or token (for the audit trail)
 * @param name login name, token name or OIDC subject, as the audit trail shows it
 * @param method how the caller signed in
 * @param moduleRoles roles declared by modules ({@code planning.evaluator} …) the caller holds in
 *     their municipality, besides {@code role}: granted to an account by its municipality's
 *     administrator, or named by an OpenID Connect provider's {@code machi_module_roles} claim;
 *     API tokens hold none (ADR 0011, docs/adr/0011-module-settings-and-roles.md)
 */
public record Caller(String id, String name, Role role, String municipalityCode, UUID unitId, Method method,
        Set<String> moduleRoles) implements Serializable {

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

    /** A caller holding no module roles. */
    public Caller(String id, String name, Role role, String municipalityCode, UUID unitId, Method method) {
        this(id, name, role, municipalityCode, unitId, method, Set.of());
    }

    public Caller {
        moduleRoles = moduleRoles == null ? Set.of() : Set.copyOf(moduleRoles);
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

    /** Does this caller hold module role {@code moduleRole} (e.g. {@code planning.evaluator})? */
    public boolean holds(String moduleRole) {
        return moduleRoles.contains(moduleRole);
    }
}
