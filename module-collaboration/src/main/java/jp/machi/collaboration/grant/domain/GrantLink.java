package jp.machi.collaboration.grant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * 申請用リンク: a one-time link mailed to the contact address of a registered partner, which opens the
 * application form of one call for that partner. Only the SHA-256 of its token is kept. It applies
 * once; after the application it still adds documents to that application until it expires.
 */
@Entity
@Table(name = "collaboration_grant_link")
@NamedQuery(name = "GrantLink.byHash", query = "SELECT l FROM GrantLink l WHERE l.tokenHash = :hash")
public class GrantLink extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "call_id", nullable = false, updatable = false)
    private UUID callId;

    @Column(name = "partner_id", nullable = false, updatable = false)
    private UUID partnerId;

    @jp.machi.core.audit.AuditMasked
    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(name = "receipt_number", nullable = false, updatable = false, length = 20)
    private String receiptNumber;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "application_id")
    private UUID applicationId;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected GrantLink() {
    }

    public GrantLink(UUID callId, UUID partnerId, String tokenHash, String receiptNumber, OffsetDateTime createdAt,
            OffsetDateTime expiresAt) {
        this.callId = callId;
        this.partnerId = partnerId;
        this.tokenHash = tokenHash;
        this.receiptNumber = receiptNumber;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public boolean expired(OffsetDateTime now) {
        return !now.isBefore(expiresAt);
    }

    public void used(UUID application) {
        this.applicationId = application;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCallId() {
        return callId;
    }

    public UUID getPartnerId() {
        return partnerId;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public UUID getApplicationId() {
        return applicationId;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }
}
