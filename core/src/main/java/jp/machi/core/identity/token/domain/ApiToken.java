package jp.machi.core.identity.token.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
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
 * APIトークン: lets a script or another system call the API as {@code Authorization: Bearer
 * machi_…}, with one role, for one municipality (or, for a platform token, as a platform
 * administrator). An administrator issues it, sees its secret once, and revokes it. Only the
 * secret's hash is kept.
 */
@Entity
@Table(name = "api_token")
@Customizer(UuidColumns.class)
@NamedQuery(name = "ApiToken.bySecretHash", query = "SELECT t FROM ApiToken t WHERE t.secretHash = :hash")
@NamedQuery(name = "ApiToken.ofMunicipality",
        query = "SELECT t FROM ApiToken t WHERE t.municipalityCode = :code ORDER BY t.createdAt DESC, t.name")
@NamedQuery(name = "ApiToken.platform",
        query = "SELECT t FROM ApiToken t WHERE t.municipalityCode IS NULL ORDER BY t.createdAt DESC, t.name")
@NamedQuery(name = "ApiToken.touch", query = "UPDATE ApiToken t SET t.lastUsedAt = :at WHERE t.id = :id")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "municipality_code", length = 6, updatable = false)
    private String municipalityCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 30, updatable = false)
    private Role role;

    @Column(name = "name", nullable = false, length = 100, updatable = false)
    private String name;

    @Column(name = "secret_hash", nullable = false, unique = true, length = 64, updatable = false)
    private String secretHash;

    @Column(name = "prefix", nullable = false, length = 20, updatable = false)
    private String prefix;

    @Column(name = "created_by", nullable = false, length = 100, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", updatable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    /** The account whose current rights bound this token (null: none, see {@link #getOwnerUserId()}). */
    @Column(name = "owner_user_id", updatable = false)
    private UUID ownerUserId;

    protected ApiToken() {
    }

    /**
     * A token for {@code secret} (which is not kept). A municipality's token has a role below
     * platform administrator; a platform token ({@code municipalityCode} null) is a platform
     * administrator's.
     */
    public ApiToken(String municipalityCode, Role role, String name, String secret, String createdBy,
            OffsetDateTime expiresAt, UUID ownerUserId) {
        Objects.requireNonNull(role, "role");
        if ((role == Role.PLATFORM_ADMIN) != (municipalityCode == null)) {
            throw new IllegalArgumentException("Only a platform token, and every platform token, is a platform administrator's");
        }
        this.municipalityCode = municipalityCode;
        this.role = role;
        this.name = Objects.requireNonNull(name, "name");
        this.secretHash = TokenSecrets.hash(secret);
        this.prefix = TokenSecrets.shown(secret);
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        this.expiresAt = expiresAt;
        this.ownerUserId = ownerUserId;
    }

    public boolean isUsableAt(OffsetDateTime at) {
        return revokedAt == null && (expiresAt == null || at.isBefore(expiresAt));
    }

    /** Revoking twice keeps the first moment. */
    public void revoke(OffsetDateTime at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public Caller asCaller() {
        return new Caller(id.toString(), name, role, municipalityCode, null, Caller.Method.API_TOKEN);
    }

    /**
     * The user account behind this token: the one that issued it, or that issued the token that
     * issued it. The token works only while that account is active with at least the token's role.
     * Null for tokens issued by OpenID Connect users (their rights live at the provider) and for
     * tokens issued before Machi recorded owners.
     */
    public UUID getOwnerUserId() {
        return ownerUserId;
    }

    public UUID getId() {
        return id;
    }

    public String getMunicipalityCode() {
        return municipalityCode;
    }

    public Role getRole() {
        return role;
    }

    public String getName() {
        return name;
    }

    public String getPrefix() {
        return prefix;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public OffsetDateTime getRevokedAt() {
        return revokedAt;
    }

    public OffsetDateTime getLastUsedAt() {
        return lastUsedAt;
    }
}
