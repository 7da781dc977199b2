package jp.machi.engagement.voice.domain;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;
import jp.machi.core.personaldata.Anonymisable;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.personaldata.ResidentQuery;

/**
 * 市民の声: an opinion, request or question a resident sent (市長への手紙, 広聴), routed to the
 * responsible organisational unit and answered by a deadline. The sender's name, address, phone
 * and e-mail are personal data: never published, masked in lists, anonymised when the retention
 * period after closing ends (the voice, its answer and its dates stay).
 */
@Entity
@Table(name = "engagement_voice")
@NamedQuery(name = "CitizenVoice.all", query = "SELECT v FROM CitizenVoice v ORDER BY v.receivedAt DESC, v.receiptNumber")
@NamedQuery(name = "CitizenVoice.published",
        query = "SELECT v FROM CitizenVoice v WHERE v.published = TRUE ORDER BY v.publishedAt DESC, v.receiptNumber")
@NamedQuery(name = "CitizenVoice.byEmail", query = "SELECT v FROM CitizenVoice v WHERE v.senderEmail = :email")
@NamedQuery(name = "CitizenVoice.byPhone", query = "SELECT v FROM CitizenVoice v WHERE v.senderPhoneDigits = :phone")
@NamedQuery(name = "CitizenVoice.expired",
        query = "SELECT v FROM CitizenVoice v WHERE v.anonymisedAt IS NULL AND ((v.closedAt IS NOT NULL"
                + " AND v.closedAt <= :closedBefore) OR (v.spam = TRUE AND v.receivedAt <= :closedBefore))")
public class CitizenVoice extends TenantOwned implements Anonymisable {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "receipt_number", nullable = false, updatable = false, length = 20)
    private String receiptNumber;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 20)
    private Channel channel;

    @Column(name = "category", length = 100)
    private String category;

    /** One of the municipality's categories ({@link VoiceCategory}), if staff or the sender chose one. */
    @Column(name = "category_id")
    private UUID categoryId;

    @Column(name = "subject", nullable = false, length = 200)
    private String subject;

    @Column(name = "body", nullable = false, length = 4000)
    private String body;

    @PersonalData(PersonalData.Kind.NAME)
    @Column(name = "sender_name", length = 100)
    private String senderName;

    @PersonalData(PersonalData.Kind.ADDRESS)
    @Column(name = "sender_address", length = 300)
    private String senderAddress;

    @PersonalData(PersonalData.Kind.PHONE)
    @Column(name = "sender_phone", length = 40)
    private String senderPhone;

    /** The phone's digits only, to find a resident's voices (see {@link ResidentQuery}). */
    @PersonalData(PersonalData.Kind.PHONE)
    @Column(name = "sender_phone_digits", length = 20)
    private String senderPhoneDigits;

    @PersonalData(PersonalData.Kind.EMAIL)
    @Column(name = "sender_email", length = 254)
    private String senderEmail;

    @Column(name = "wants_reply", nullable = false)
    private boolean wantsReply;

    @Column(name = "unit_id")
    private UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private VoiceStatus status;

    @Column(name = "answer_due", nullable = false)
    private LocalDate answerDue;

    @Column(name = "answer", length = 4000)
    private String answer;

    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    @Column(name = "published", nullable = false)
    private boolean published;

    @Column(name = "published_summary", length = 2000)
    private String publishedSummary;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "anonymised_at")
    private OffsetDateTime anonymisedAt;

    /** Filed as spam by the honeypot (public intake): kept for staff to review, out of the normal list. */
    @Column(name = "spam", nullable = false)
    private boolean spam;

    /** The answer's approval (決裁), moved only by the voice-answer workflow. */
    @Enumerated(EnumType.STRING)
    @Column(name = "answer_state", nullable = false, length = 20)
    private AnswerState answerState = AnswerState.DRAFT;

    @Column(name = "answer_emailed_at")
    private OffsetDateTime answerEmailedAt;

    /** 文書等による回答を要する: the voice needs a written answer (letter or e-mail), counted in the metrics. */
    @Column(name = "written_answer_required", nullable = false)
    private boolean writtenAnswerRequired;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CitizenVoice() {
    }

    /** The sender, as they gave themselves (every part optional). */
    public record Sender(String name, String address, String phone, String email, boolean wantsReply) {
    }

    public CitizenVoice(String receiptNumber, OffsetDateTime receivedAt, Channel channel, String category,
            String subject, String body, Sender sender, LocalDate answerDue) {
        this.receiptNumber = receiptNumber;
        this.receivedAt = receivedAt;
        this.channel = channel;
        this.category = category;
        this.subject = subject;
        this.body = body;
        this.senderName = sender.name();
        this.senderAddress = sender.address();
        this.senderPhone = sender.phone();
        this.senderPhoneDigits = ResidentQuery.phoneDigits(sender.phone());
        this.senderEmail = ResidentQuery.email(sender.email());
        this.wantsReply = sender.wantsReply();
        this.status = VoiceStatus.RECEIVED;
        this.answerDue = answerDue;
        this.writtenAnswerRequired = sender.wantsReply();
    }

    /** The case-handling fields staff edit (never the sender's data). */
    public record Handling(Channel channel, String category, String subject, String body, UUID unitId,
            VoiceStatus status, LocalDate answerDue, String answer, boolean published, String publishedSummary) {
    }

    public void handle(Handling h, OffsetDateTime now) {
        this.channel = h.channel();
        this.category = h.category();
        this.subject = h.subject();
        this.body = h.body();
        this.unitId = h.unitId();
        this.answerDue = h.answerDue();
        if (h.answer() != null && !h.answer().equals(answer)) {
            this.answeredAt = now;
        } else if (h.answer() == null) {
            this.answeredAt = null;
        }
        this.answer = h.answer();
        if (h.status() == VoiceStatus.CLOSED && status != VoiceStatus.CLOSED) {
            this.closedAt = now;
        } else if (h.status() != VoiceStatus.CLOSED) {
            this.closedAt = null;
        }
        this.status = h.status();
        if (h.published() && !published) {
            this.publishedAt = now;
        } else if (!h.published()) {
            this.publishedAt = null;
        }
        this.published = h.published();
        this.publishedSummary = h.publishedSummary();
    }

    /**
     * Anonymises the sender (the retention period ended): the name becomes
     * {@value PersonalDataFields#ANONYMOUS_NAME} if there was one, the address, phone and e-mail go.
     * The voice, its answer, dates and publication stay. Does nothing the second time.
     */
    public boolean anonymise(OffsetDateTime now) {
        if (anonymisedAt != null) {
            return false;
        }
        this.senderName = senderName == null ? null : PersonalDataFields.ANONYMOUS_NAME;
        this.senderAddress = null;
        this.senderPhone = null;
        this.senderPhoneDigits = null;
        this.senderEmail = null;
        this.anonymisedAt = now;
        return true;
    }

    /** Files it as spam (the honeypot was filled); before it is stored. */
    public void markAsSpam() {
        this.spam = true;
    }

    /** Staff found it is no spam after all: it joins the normal list. False if it was none. */
    public boolean releaseFromSpam() {
        if (!spam) {
            return false;
        }
        this.spam = false;
        return true;
    }

    public boolean isSpam() {
        return spam;
    }

    /** Is the answer approved (決裁済み)? Only then the voice is answered and its answer published or sent. */
    public boolean isAnswerApproved() {
        return answerState == AnswerState.APPROVED;
    }

    public AnswerState getAnswerState() {
        return answerState;
    }

    /** The voice-answer workflow moved the answer to {@code state}. */
    public void answerMovedTo(AnswerState state) {
        this.answerState = state;
    }

    /** The answer was approved: the voice is answered now (a closed voice stays closed). */
    public void answerApproved(OffsetDateTime now) {
        if (status != VoiceStatus.CLOSED) {
            this.status = VoiceStatus.ANSWERED;
        }
        this.answeredAt = now;
    }

    /** The answer was submitted for approval: the voice is being answered. */
    public void answerSubmitted() {
        if (status == VoiceStatus.RECEIVED) {
            this.status = VoiceStatus.IN_PROGRESS;
        }
    }

    /** The answer went back to its drafters: no longer answered nor published. */
    public void answerReturned() {
        if (status == VoiceStatus.ANSWERED || status == VoiceStatus.CLOSED) {
            this.status = VoiceStatus.IN_PROGRESS;
            this.closedAt = null;
        }
        this.published = false;
        this.publishedAt = null;
    }

    /** The answer was queued to the sender by e-mail. */
    public void answerEmailed(OffsetDateTime now) {
        this.answerEmailedAt = now;
    }

    /** Files it under one of the municipality's categories (null: none). */
    public void categorise(UUID categoryId) {
        this.categoryId = categoryId;
    }

    public UUID getCategoryId() {
        return categoryId;
    }

    /** Whether it needs a written answer (by default: whether the sender asked for an answer). */
    public void requireWrittenAnswer(boolean required) {
        this.writtenAnswerRequired = required;
    }

    public boolean isWrittenAnswerRequired() {
        return writtenAnswerRequired;
    }

    /** Routes it to its lead unit (none: not routed); the routing history is kept by the caller. */
    public void routeTo(UUID leadUnitId) {
        this.unitId = leadUnitId;
    }

    public boolean isOverdue(LocalDate today) {
        return status.open() && answerDue.isBefore(today);
    }

    public UUID getId() {
        return id;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public OffsetDateTime getReceivedAt() {
        return receivedAt;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getCategory() {
        return category;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getSenderName() {
        return senderName;
    }

    public String getSenderAddress() {
        return senderAddress;
    }

    public String getSenderPhone() {
        return senderPhone;
    }

    public String getSenderEmail() {
        return senderEmail;
    }

    public boolean isWantsReply() {
        return wantsReply;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public VoiceStatus getStatus() {
        return status;
    }

    public LocalDate getAnswerDue() {
        return answerDue;
    }

    public String getAnswer() {
        return answer;
    }

    public OffsetDateTime getAnsweredAt() {
        return answeredAt;
    }

    public boolean isPublished() {
        return published;
    }

    public String getPublishedSummary() {
        return publishedSummary;
    }

    public OffsetDateTime getPublishedAt() {
        return publishedAt;
    }

    public OffsetDateTime getClosedAt() {
        return closedAt;
    }

    public OffsetDateTime getAnonymisedAt() {
        return anonymisedAt;
    }

    public OffsetDateTime getAnswerEmailedAt() {
        return answerEmailedAt;
    }

    public long getVersion() {
        return version;
    }
}
