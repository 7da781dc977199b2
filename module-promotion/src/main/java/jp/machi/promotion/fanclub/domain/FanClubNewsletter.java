package jp.machi.promotion.fanclub.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * ファンクラブ通信: one newsletter sent by e-mail to the confirmed members who consented (optionally
 * only those with one interest). A record of what went out, when and to how many; the mails
 * themselves are in core's outbox, delivered after the sending request committed.
 */
@Entity
@Table(name = "promotion_fan_club_newsletter")
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

    @Column(name = "recipients", nullable = false)
    private int recipients;

    @Column(name = "sent_at", nullable = false)
    private OffsetDateTime sentAt;

    protected FanClubNewsletter() {
    }

    public FanClubNewsletter(String subject, String body, String interest, OffsetDateTime sentAt) {
        this.subject = subject;
        this.body = body;
        this.interest = interest;
        this.sentAt = sentAt;
    }

    public void sentTo(int n) {
        this.recipients = n;
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

    public int getRecipients() {
        return recipients;
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }
}
