package jp.machi.core.identity.user.interfaces.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.identity.Role;
import jp.machi.core.identity.user.domain.UserAccount;

/** JSON shapes of the user API. */
public final class UserDtos {

    private UserDtos() {
    }

    /** An account as administrators see it; never its password hash. */
    @JsonbPropertyOrder({"id", "login", "displayName", "email", "role", "moduleRoles", "municipalityCode", "unitId",
        "active", "locked", "lockedUntil", "createdAt", "changedAt"})
    public record UserView(UUID id, String login, String displayName, String email, String role,
            List<String> moduleRoles, String municipalityCode, UUID unitId, boolean active, boolean locked,
            OffsetDateTime lockedUntil, OffsetDateTime createdAt, OffsetDateTime changedAt) {
        public static UserView of(UserAccount u) {
            boolean locked = u.isLockedAt(OffsetDateTime.now(ZoneOffset.UTC));
            return new UserView(u.getId(), u.getLogin(), u.getDisplayName(), u.getEmail(), u.getRole().name(),
                    u.getModuleRoles(), u.getMunicipalityCode(), u.getUnitId(), u.isActive(), locked, locked ? u.getLockedUntil() : null,
                    u.getCreatedAt(), u.getChangedAt());
        }
    }

    /** What every account has besides its login and role. */
    public static class AccountDetails {
        @NotBlank
        @Size(max = 200)
        public String displayName;

        @Size(max = 254)
        public String email;
    }

    /** A municipality's user to create; the administrator chooses the first password. */
    public static class NewUser extends AccountDetails {
        @NotBlank
        @Size(max = 100)
        public String login;

        @NotBlank
        public String role;

        public UUID unitId;

        @NotNull
        public String password;
    }

    /** A change of a municipality's user (If-Match). */
    public static class UserChange extends AccountDetails {
        @NotBlank
        public String role;

        public UUID unitId;

        @NotNull
        public Boolean active;
    }

    /** The module roles a user is to hold, replacing those they hold (If-Match). */
    public static class ModuleRoleGrant {
        @NotNull
        @Size(max = 20)
        public List<String> moduleRoles;
    }

    /** A platform administrator to create. */
    public static class NewPlatformAdmin extends AccountDetails {
        @NotBlank
        @Size(max = 100)
        public String login;

        @NotNull
        public String password;
    }

    /** A change of a platform administrator (If-Match). */
    public static class PlatformAdminChange extends AccountDetails {
        @NotNull
        public Boolean active;
    }

    /**
     * A new password. Changing one's own needs the current one; an administrator resetting
     * someone else's does not. No constraints here: who may change the password is decided
     * before the body is looked at, and a missing new password breaks the password rules.
     */
    public static class PasswordChange {
        public String currentPassword;

        public String newPassword;
    }

    /** A role a municipality's account or token may have: anything below platform administrator. */
    public static Role municipalRole(String text) {
        Role role = role(text);
        if (role == Role.PLATFORM_ADMIN) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("role", "user.role.notPlatform")));
        }
        return role;
    }

    public static Role role(String text) {
        try {
            return Role.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(List.of(new ApiException.FieldErrorKey("role", "role.unknown", text)));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
