package jp.machi.core.identity.user.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import jp.machi.core.persistence.UuidColumns;
import org.eclipse.persistence.annotations.Customizer;

/**
 * 利用者アカウント: a person who signs in to Machi's own user store with a login and a password.
 * Belongs to one municipality, except a platform administrator, who belongs to none. Not
 * {@code TenantOwned} for that reason: every query names the municipality itself.
 *
 * <p>Personal data (個人情報): {@code displayName} and {@code email}.
 */
@Entity
@Table(name = "user_account")
@Customizer(UuidColumns.class)
@NamedQuery(name = "UserAccount.byLogin", query = "SELECT u FROM UserAccount u WHERE u.login = :login")
@NamedQuery(name = "UserAccount.count", query = "SELECT COUNT(u) FROM UserAccount u")
@NamedQuery(name = "UserAccount.ofMunicipality",
        query = "SELECT u FROM UserAccount u WHERE u.municipalityCode = :code ORDER BY u.login")
@NamedQuery(name = "UserAccount.platformAdmins",
        query = "SELECT u FROM UserAccount u WHERE u.municipalityCode IS NULL ORDER BY u.login")
@NamedQuery(name = "UserAccount.activePlatformAdmins",
        query = "SELECT COUNT(u) FROM UserAccount u WHERE u.municipalityCode IS NULL AND u.active = TRUE")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "login", nullable = false, unique = true, updatable = false, length = Logins.MAX_LENGTH)
    private String login;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "email", length = 254)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 30)
    private Role role;

    @Column(name = "municipality_code", length = 6, updatable = false)
    private String municipalityCode;

    @Column(name = "unit_id")
    private UUID unitId;

    /** Module roles granted ({@code planning.evaluator} …), comma-separated, sorted; null for none. */
    @Column(name = "module_roles", length = 1000)
    private String moduleRoles;

    @Column(name = "password_hash", nullable = false, length = 300)
    private String passwordHash;

    @Column(name = "password_changed_at", nullable = false)
    private OffsetDateTime passwordChangedAt;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected UserAccount() {
    }

    /**
     * A new, active account. {@code login} must already be normalized ({@link Logins}); a
     * platform administrator has no municipality and no unit, everybody else has a municipality.
     */
    public UserAccount(String login, String displayName, String email, Role role, String municipalityCode,
            UUID unitId, String passwordHash) {
        Objects.requireNonNull(role, "role");
        if ((role == Role.PLATFORM_ADMIN) != (municipalityCode == null)) {
            throw new IllegalArgumentException("A platform administrator, and only they, belongs to no municipality");
        }
        this.login = Objects.requireNonNull(login, "login");
        this.municipalityCode = municipalityCode;
        this.role = role;
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.active = true;
        this.createdAt = now();
        this.passwordChangedAt = createdAt;
        describe(displayName, email, unitId);
    }

    /** Microseconds: what both databases keep, so a value reads back as it was written. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public final void describe(String displayName, String email, UUID unitId) {
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.email = email;
        this.unitId = role == Role.PLATFORM_ADMIN ? null : unitId;
        this.changedAt = now();
    }

    /** A new role within the same municipality; a platform administrator's role never changes here. */
    public void assign(Role newRole) {
        if (role == Role.PLATFORM_ADMIN || newRole == Role.PLATFORM_ADMIN) {
            if (role != newRole) {
                throw new IllegalArgumentException("Platform administrators are made and unmade only as such");
            }
            return;
        }
        this.role = newRole;
        this.changedAt = now();
    }

    /**
     * Replaces the module roles this account holds. Names must already be checked against the
     * roles the modules declare; a platform administrator holds none.
     */
    public void grantModuleRoles(java.util.Collection<String> names) {
        if (role == Role.PLATFORM_ADMIN && !names.isEmpty()) {
            throw new IllegalArgumentException("A platform administrator holds no module roles");
        }
        java.util.TreeSet<String> sorted = new java.util.TreeSet<>(names);
        this.moduleRoles = sorted.isEmpty() ? null : String.join(",", sorted);
        this.changedAt = now();
    }

    /** The module roles this account holds, sorted. */
    public java.util.List<String> getModuleRoles() {
        return moduleRoles == null || moduleRoles.isBlank() ? java.util.List.of()
                : java.util.Arrays.stream(moduleRoles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
    }

    public void activate(boolean on) {
        this.active = on;
        this.changedAt = now();
    }

    /**
     * Stores a new password hash. A new password also ends a lock-out, and every session signed in
     * before it (see {@link #signedInSince}).
     */
    public void changePasswordHash(String hash) {
        this.passwordHash = Objects.requireNonNull(hash, "hash");
        this.passwordChangedAt = now();
        unlock();
    }

    /**
     * Whether a session signed in at {@code signedInAt} is still good: not if the password was
     * changed since (by its owner elsewhere, or reset by an administrator because it leaked).
     */
    public boolean signedInSince(OffsetDateTime signedInAt) {
        return signedInAt != null && !passwordChangedAt.isAfter(signedInAt);
    }

    /** Replaces the hash by one with today's parameters, after a successful sign-in; nothing else changes. */
    public void rehash(String hash) {
        this.passwordHash = Objects.requireNonNull(hash, "hash");
    }

    public boolean isLockedAt(OffsetDateTime at) {
        return lockedUntil != null && at.isBefore(lockedUntil);
    }

    /**
     * Counts a wrong password. Reaching {@code policy.attempts()} in a row locks the account for
     * {@code policy.duration()} and starts the count afresh, so after the lock-out the next series
     * of attempts is limited the same way. Returns true when this failure locked the account.
     */
    public boolean recordFailure(Lockout policy, OffsetDateTime at) {
        if (isLockedAt(at)) {
            return false;
        }
        failedAttempts++;
        if (failedAttempts >= policy.attempts()) {
            lockedUntil = at.plus(policy.duration());
            failedAttempts = 0;
            return true;
        }
        return false;
    }

    /** A right password while not locked: the count of failures starts again. */
    public void recordSuccess() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    public void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
        this.changedAt = now();
    }

    /**
     * Who this account is when it calls, signed in with its password. People see callers by their
     * display name (evaluation steps, histories, the audit trail), the login only where it is blank.
     */
    public Caller asCaller() {
        String shown = displayName == null || displayName.isBlank() ? login : displayName;
        return new Caller(id.toString(), shown, role, municipalityCode, unitId, Caller.Method.PASSWORD,
                java.util.Set.copyOf(getModuleRoles()));
    }

    public UUID getId() {
        return id;
    }

    public String getLogin() {
        return login;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public Role getRole() {
        return role;
    }

    public String getMunicipalityCode() {
        return municipalityCode;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public OffsetDateTime getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public OffsetDateTime getLockedUntil() {
        return lockedUntil;
    }

    public boolean isActive() {
        return active;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getChangedAt() {
        return changedAt;
    }

    public long getVersion() {
        return version;
    }
}
