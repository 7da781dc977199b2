package jp.machi.promotion.fanclub.domain;

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
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * ファンクラブ通信: one newsletter to the confirmed members who consented (optionally only those
 * with one interest). Staff queue it; the job {@code promotion.fan-club-newsletters} writes one mail
 * per member into core's outbox, a batch per transaction, taking the members in id order after
 * {@link #getLastMemberId()}: the batch's mails and the move of that mark commit together (and the
 * version guards against two nodes doing the same batch), so each member gets it at most once,
 * and a restart carries on where the last committed batch ended. It goes to the members who
 * signed up before it was queued and are still members, consenting, when their batch comes.
 */
@Entity
@Table(name = "promotion_fan_club_newsletter")
@NamedQuery(name = "FanClubNewsletter.unfinished", query = "SELECT n.id FROM FanClubNewsletter n WHERE n.status <> "
        + "jp.machi.promotion.fanclub.domain.NewsletterStatus.DONE ORDER BY n.queuedAt, n.id")
public class FanClubNewsletter extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "subject", nullable = false, length = 200)
    private String subject;

    @Column(name = "body", nullable = false, length = 10000)
    private String body;

    /** Only members with this interest; null: every consenting member. */
    @Column(name = "interest", length = 100)
    private String interest;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private NewsletterStatus status;

    /** How many mails were written to the outbox so far (one per member reached). */
    @Column(name = "recipients", nullable = false)
    private int recipients;

    @Column(name = "queued_at", nullable = false)
    private OffsetDateTime queuedAt;

    /** When the last batch was written to the outbox (delivery may still be under way). */
    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    /** The last member a batch reached (members go in id order). */
    @Column(name = "last_member_id")
    private UUID lastMemberId;

    /** The portal address the mails' leave links lead to, fixed when queued. */
    @Column(name = "portal_url", length = 300)
    private String portalUrl;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected FanClubNewsletter() {
    }

    public FanClubNewsletter(String subject, String body, String interest, String portalUrl, OffsetDateTime queuedAt) {
        this.subject = subject;
        this.body = body;
        this.interest = interest;
        this.portalUrl = portalUrl;
        this.queuedAt = queuedAt;
        this.status = NewsletterStatus.QUEUED;
    }

    /** A batch of {@code n} mails ending with member {@code last} was written to the outbox. */
    public void reached(int n, UUID last) {
        this.recipients += n;
        this.lastMemberId = last;
        this.status = NewsletterStatus.SENDING;
    }

    /** No member is left to reach. */
    public void done(OffsetDateTime now) {
        this.status = NewsletterStatus.DONE;
        this.sentAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getInterest() {
        return interest;
    }

    public NewsletterStatus getStatus() {
        return status;
    }

    public int getRecipients() {
        return recipients;
    }

    public OffsetDateTime getQueuedAt() {
        return queuedAt;
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }

    public UUID getLastMemberId() {
        return lastMemberId;
    }

    public String getPortalUrl() {
        return portalUrl;
    }

    public long getVersion() {
        return version;
    }
}
