package jp.machi.engagement.open311.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * An Open311 client's {@code api_key}, issued by a municipality administrator: the secret
 * ({@value #PREFIX} and 32 random bytes, base64url) is shown once when issued; only its SHA-256 is
 * stored (as core's API tokens), with its first characters to tell keys apart. A revoked key stays
 * listed; it and an unknown one are refused (403).
 */
@Entity
@Table(name = "engagement_open311_key")
public class Open311Key extends TenantOwned {

    public static final String PREFIX = "o311_";
    static final int SHOWN = PREFIX.length() + 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "key_hash", nullable = false, length = 64, updatable = false)
    private String keyHash;

    @Column(name = "key_prefix", nullable = false, length = 20, updatable = false)
    private String keyPrefix;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", length = 100, updatable = false)
    private String createdBy;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Open311Key() {
    }

    public Open311Key(String name, String secret, String createdBy, OffsetDateTime now) {
        this.name = name;
        this.keyHash = hash(secret);
        this.keyPrefix = secret.substring(0, Math.min(SHOWN, secret.length()));
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** A new secret: {@value #PREFIX} and 32 random bytes in base64url (256 bits: a fast hash suffices). */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the whole secret. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** Revokes it; false if it was revoked already. */
    public boolean revoke(OffsetDateTime now) {
        if (revokedAt != null) {
            return false;
        }
        this.revokedAt = now;
        return true;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public void used(OffsetDateTime now) {
        this.lastUsedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getLastUsedAt() {
        return lastUsedAt;
    }

    public OffsetDateTime getRevokedAt() {
        return revokedAt;
    }

    public long getVersion() {
        return version;
    }
}
