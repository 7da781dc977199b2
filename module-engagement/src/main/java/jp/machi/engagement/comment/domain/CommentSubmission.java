package jp.machi.engagement.comment.domain;

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
import jp.machi.core.personaldata.Anonymisable;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.persistence.TenantOwned;

/**
 * One submitter's opinions on a public comment procedure, from the portal (public intake, with its
 * receipt number) or typed in by staff from a letter, fax, e-mail or visit. The name and address
 * are personal data: masked in lists and exports, never on a public page.
 */
@Entity
@Table(name = "engagement_comment_submission")
@NamedQuery(name = "CommentSubmission.expired", query = "SELECT s FROM CommentSubmission s WHERE s.anonymisedAt IS NULL"
        + " AND s.procedureId IN (SELECT p.id FROM CommentProcedure p WHERE p.resultsPublishedAt IS NOT NULL"
        + " AND p.resultsPublishedAt <= :closedBefore)")
public class CommentSubmission extends TenantOwned implements Anonymisable {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "procedure_id", nullable = false, updatable = false)
    private UUID procedureId;

    @Column(name = "receipt_number", nullable = false, updatable = false, length = 20)
    private String receiptNumber;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 20)
    private SubmissionChannel channel;

    @Column(name = "opinion", nullable = false, length = 4000)
    private String opinion;

    /** How many opinions the submission holds (staff count them when they read it; 1 by default). */
    @Column(name = "opinion_count", nullable = false)
    private int opinionCount;

    @PersonalData(PersonalData.Kind.NAME)
    @Column(name = "submitter_name", length = 100)
    private String submitterName;

    @PersonalData(PersonalData.Kind.ADDRESS)
    @Column(name = "submitter_address", length = 300)
    private String submitterAddress;

    /** Filed as spam by the honeypot (public intake): not counted, out of the list. */
    @Column(name = "spam", nullable = false)
    private boolean spam;

    @Column(name = "anonymised_at")
    private OffsetDateTime anonymisedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CommentSubmission() {
    }

    public CommentSubmission(UUID procedureId, String receiptNumber, OffsetDateTime receivedAt,
            SubmissionChannel channel, String opinion, int opinionCount, String submitterName,
            String submitterAddress, boolean spam) {
        this.procedureId = procedureId;
        this.receiptNumber = receiptNumber;
        this.receivedAt = receivedAt;
        this.channel = channel;
        this.opinion = opinion;
        this.opinionCount = opinionCount;
        this.submitterName = submitterName;
        this.submitterAddress = submitterAddress;
        this.spam = spam;
    }

    /**
     * Anonymises the submitter (the retention period after the results ended): the name becomes
     * {@value PersonalDataFields#ANONYMOUS_NAME} if there was one, the address goes; the opinion stays.
     * Does nothing the second time.
     */
    public boolean anonymise(OffsetDateTime now) {
        if (anonymisedAt != null) {
            return false;
        }
        this.submitterName = submitterName == null ? null : PersonalDataFields.ANONYMOUS_NAME;
        this.submitterAddress = null;
        this.anonymisedAt = now;
        return true;
    }

    public OffsetDateTime getAnonymisedAt() {
        return anonymisedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getProcedureId() {
        return procedureId;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public OffsetDateTime getReceivedAt() {
        return receivedAt;
    }

    public SubmissionChannel getChannel() {
        return channel;
    }

    public String getOpinion() {
        return opinion;
    }

    public int getOpinionCount() {
        return opinionCount;
    }

    public String getSubmitterName() {
        return submitterName;
    }

    public String getSubmitterAddress() {
        return submitterAddress;
    }

    public boolean isSpam() {
        return spam;
    }

    public long getVersion() {
        return version;
    }
}
