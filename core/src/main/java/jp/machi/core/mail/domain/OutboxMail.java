package jp.machi.core.mail.domain;

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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.machi.core.audit.NotAudited;
import jp.machi.core.persistence.TenantOwned;
import jp.machi.core.personaldata.PersonalData;

/**
 * One e-mail in a municipality's outbox (送信待ちメール): written in the transaction of the request
 * that causes it (so a refused request sends nothing), delivered after that commits, retried with
 * backoff when the SMTP server fails, FAILED after {@link #MAX_ATTEMPTS}. The recipient and the
 * body are personal data. Not in the audit trail: the row is itself the record of the sending.
 */
@Entity
@NotAudited
@Table(name = "mail_outbox")
@NamedQuery(name = "OutboxMail.page", query = "SELECT m FROM OutboxMail m ORDER BY m.createdAt DESC, m.id")
@NamedQuery(name = "OutboxMail.count", query = "SELECT COUNT(m) FROM OutboxMail m")
@NamedQuery(name = "OutboxMail.pageByStatus",
        query = "SELECT m FROM OutboxMail m WHERE m.status = :status ORDER BY m.createdAt DESC, m.id")
@NamedQuery(name = "OutboxMail.countByStatus", query = "SELECT COUNT(m) FROM OutboxMail m WHERE m.status = :status")
@NamedQuery(name = "OutboxMail.due", query = "SELECT m.id FROM OutboxMail m WHERE m.status = :pending"
        + " AND m.nextAttemptAt <= :now ORDER BY m.nextAttemptAt")
@NamedQuery(name = "OutboxMail.languageOf",
        query = "SELECT m.language FROM OutboxMail m WHERE m.reference = :reference ORDER BY m.createdAt DESC")
@NamedQuery(name = "OutboxMail.statusOf",
        query = "SELECT m.status, COUNT(m) FROM OutboxMail m WHERE m.reference = :reference GROUP BY m.status")
@NamedQuery(name = "OutboxMail.expired",
        query = "SELECT m FROM OutboxMail m WHERE m.status <> :pending"
                + " AND m.createdAt <= :before AND m.anonymisedAt IS NULL")
public class OutboxMail extends TenantOwned {

    /** Attempts before a mail is given up (FAILED); an administrator may retry it then. */
    public static final int MAX_ATTEMPTS = 6;

    /** Where a mail stands. */
    public enum Status {
        PENDING, SENT, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "module_id", nullable = false, updatable = false, length = 40)
    private String moduleId;

    @Column(name = "template", nullable = false, updatable = false, length = 100)
    private String template;

    @Column(name = "language", nullable = false, updatable = false, length = 5)
    private String language;

    @Column(name = "reference", updatable = false, length = 100)
    private String reference;

    @PersonalData(PersonalData.Kind.EMAIL)
    @Column(name = "recipient", length = 254)
    private String recipient;

    @Column(name = "subject", nullable = false, length = 300)
    private String subject;

    @PersonalData(PersonalData.Kind.FREE_TEXT)
    @Column(name = "body", length = 10000)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private Status status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "anonymised_at")
    private OffsetDateTime anonymisedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected OutboxMail() {
    }

    public OutboxMail(String moduleId, String template, String language, String reference, String recipient,
            String subject, String body, OffsetDateTime now) {
        this.moduleId = moduleId;
        this.template = template;
        this.language = language;
        this.reference = reference;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.status = Status.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Whether an attempt may start now: pending, and its time has come. */
    public boolean due(OffsetDateTime now) {
        return status == Status.PENDING && recipient != null && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
    }

    /**
     * Starts an attempt: counts it and puts the next one after the backoff (1, 2, 4, 8, 16
     * minutes), which also keeps any other node away while this one sends.
     */
    public void startAttempt(OffsetDateTime now) {
        attempts++;
        nextAttemptAt = now.plus(backoff(attempts));
    }

    public static Duration backoff(int attempts) {
        return Duration.ofMinutes(1L << Math.min(Math.max(attempts - 1, 0), 6));
    }

    public void sent(OffsetDateTime now) {
        status = Status.SENT;
        sentAt = now;
        nextAttemptAt = null;
        lastError = null;
    }

    /** The attempt failed for {@code reason} (no personal data in it); FAILED after the last one. */
    public void attemptFailed(String reason) {
        lastError = reason == null ? null : reason.length() > 500 ? reason.substring(0, 499) + "…" : reason;
        if (attempts >= MAX_ATTEMPTS) {
            status = Status.FAILED;
            nextAttemptAt = null;
        }
    }

    /** An administrator's retry of a failed mail: pending again, with a fresh count of attempts. */
    public void retry(OffsetDateTime now) {
        status = Status.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    /** Removes the recipient and the body (kept long enough); the rest stays as the record. */
    public boolean anonymise(OffsetDateTime now) {
        if (anonymisedAt != null) {
            return false;
        }
        recipient = null;
        body = null;
        anonymisedAt = now;
        return true;
    }

    public UUID getId() {
        return id;
    }

    public String getModuleId() {
        return moduleId;
    }

    public String getTemplate() {
        return template;
    }

    public String getLanguage() {
        return language;
    }

    public String getReference() {
        return reference;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getNextAttemptAt() {
        return nextAttemptAt;
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }

    public OffsetDateTime getAnonymisedAt() {
        return anonymisedAt;
    }

    public long getVersion() {
        return version;
    }
}
