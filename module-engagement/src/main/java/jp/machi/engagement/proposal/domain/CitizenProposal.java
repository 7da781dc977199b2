package jp.machi.engagement.proposal.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;
import jp.machi.core.personaldata.Anonymisable;
import jp.machi.core.personaldata.PersonalData;
import jp.machi.core.personaldata.PersonalDataFields;
import jp.machi.core.personaldata.ResidentQuery;
import jp.machi.engagement.voice.domain.AnswerState;
import jp.machi.engagement.voice.domain.Channel;

/**
 * まちづくり提言: a resident's proposal for the town (周南市 まちづくり提言制度). Routed to a lead unit and
 * considered with other units (庁内連携), answered (the answer approved, 決裁, before it is sent or
 * published), and published on the portal with its status and the city's answer. The proposer's
 * name, address, phone and e-mail are personal data: never published, masked in lists, anonymised
 * when the retention period after the answer ends.
 */
@Entity
@Table(name = "engagement_proposal")
@NamedQuery(name = "CitizenProposal.byEmail", query = "SELECT p FROM CitizenProposal p WHERE p.proposerEmail = :email")
@NamedQuery(name = "CitizenProposal.byPhone", query = "SELECT p FROM CitizenProposal p WHERE p.proposerPhoneDigits = :phone")
@NamedQuery(name = "CitizenProposal.expired",
        query = "SELECT p FROM CitizenProposal p WHERE p.anonymisedAt IS NULL AND ((p.answeredAt IS NOT NULL"
                + " AND p.answeredAt <= :closedBefore) OR (p.spam = TRUE AND p.receivedAt <= :closedBefore))")
public class CitizenProposal extends TenantOwned implements Anonymisable {

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

    /** 分野: the field the proposal is about (まちづくり, 子育て・教育, …). */
    @Column(name = "field", length = 100)
    private String field;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "body", nullable = false, length = 4000)
    private String body;

    @PersonalData(PersonalData.Kind.NAME)
    @Column(name = "proposer_name", length = 100)
    private String proposerName;

    @PersonalData(PersonalData.Kind.ADDRESS)
    @Column(name = "proposer_address", length = 300)
    private String proposerAddress;

    @PersonalData(PersonalData.Kind.PHONE)
    @Column(name = "proposer_phone", length = 40)
    private String proposerPhone;

    @PersonalData(PersonalData.Kind.PHONE)
    @Column(name = "proposer_phone_digits", length = 20)
    private String proposerPhoneDigits;

    @PersonalData(PersonalData.Kind.EMAIL)
    @Column(name = "proposer_email", length = 254)
    private String proposerEmail;

    /** 主管課: the unit that answers. */
    @Column(name = "unit_id")
    private UUID unitId;

    @OneToMany(mappedBy = "proposal", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ProposalCoUnit> coUnits = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private ProposalStatus status;

    @Column(name = "answer", length = 4000)
    private String answer;

    @Enumerated(EnumType.STRING)
    @Column(name = "answer_state", nullable = false, length = 20)
    private AnswerState answerState = AnswerState.DRAFT;

    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    @Column(name = "answer_emailed_at")
    private OffsetDateTime answerEmailedAt;

    @Column(name = "published", nullable = false)
    private boolean published;

    /** 提言の要旨: what the portal shows of the proposal (staff write it without personal data). */
    @Column(name = "published_summary", length = 2000)
    private String publishedSummary;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(name = "anonymised_at")
    private OffsetDateTime anonymisedAt;

    @Column(name = "spam", nullable = false)
    private boolean spam;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CitizenProposal() {
    }

    /** The proposer, as they gave themselves (every part optional). */
    public record Proposer(String name, String address, String phone, String email) {
    }

    public CitizenProposal(String receiptNumber, OffsetDateTime receivedAt, Channel channel, String field, String title,
            String body, Proposer proposer) {
        this.receiptNumber = receiptNumber;
        this.receivedAt = receivedAt;
        this.channel = channel;
        this.field = field;
        this.title = title;
        this.body = body;
        this.proposerName = proposer.name();
        this.proposerAddress = proposer.address();
        this.proposerPhone = proposer.phone();
        this.proposerPhoneDigits = ResidentQuery.phoneDigits(proposer.phone());
        this.proposerEmail = ResidentQuery.email(proposer.email());
        this.status = ProposalStatus.RECEIVED;
    }

    /** What staff edit in one go (never the proposer's data). */
    public record Handling(String field, String title, String body, UUID unitId, Map<UUID, String> coUnits,
            ProposalStatus status, String answer, boolean published, String publishedSummary) {
    }

    public void handle(Handling h, OffsetDateTime now) {
        this.field = h.field();
        this.title = h.title();
        this.body = h.body();
        this.unitId = h.unitId();
        Map<UUID, String> wanted = new LinkedHashMap<>(h.coUnits());
        wanted.remove(h.unitId());
        coUnits.removeIf(c -> !wanted.containsKey(c.getUnitId()));
        for (ProposalCoUnit c : coUnits) {
            String note = wanted.remove(c.getUnitId());
            if (!java.util.Objects.equals(note, c.getNote())) {
                c.note(note);
            }
        }
        wanted.forEach((unit, note) -> coUnits.add(new ProposalCoUnit(this, unit, note)));
        this.answer = h.answer();
        this.status = h.status();
        if (h.published() && !published) {
            this.publishedAt = now;
        } else if (!h.published()) {
            this.publishedAt = null;
        }
        this.published = h.published();
        this.publishedSummary = h.publishedSummary();
    }

    public void markAsSpam() {
        this.spam = true;
    }

    public boolean isAnswerApproved() {
        return answerState == AnswerState.APPROVED;
    }

    public void answerMovedTo(AnswerState state) {
        this.answerState = state;
    }

    /** Submitted for approval: the proposal is being considered. */
    public void answerSubmitted() {
        if (status == ProposalStatus.RECEIVED) {
            this.status = ProposalStatus.CONSIDERING;
        }
    }

    /** Approved: answered now (an outcome staff already recorded stays). */
    public void answerApproved(OffsetDateTime now) {
        if (status.open()) {
            this.status = ProposalStatus.ANSWERED;
        }
        this.answeredAt = now;
    }

    /** Returned: no longer answered; the answer leaves the portal (the proposal stays published). */
    public void answerReturned() {
        if (!status.open()) {
            this.status = ProposalStatus.CONSIDERING;
        }
        this.answeredAt = null;
    }

    public void answerEmailed(OffsetDateTime now) {
        this.answerEmailedAt = now;
    }

    /** The retention period ended: the proposer's data goes, the proposal and its answer stay. */
    public boolean anonymise(OffsetDateTime now) {
        if (anonymisedAt != null) {
            return false;
        }
        this.proposerName = proposerName == null ? null : PersonalDataFields.ANONYMOUS_NAME;
        this.proposerAddress = null;
        this.proposerPhone = null;
        this.proposerPhoneDigits = null;
        this.proposerEmail = null;
        this.anonymisedAt = now;
        return true;
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

    public String getField() {
        return field;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public String getProposerName() {
        return proposerName;
    }

    public String getProposerAddress() {
        return proposerAddress;
    }

    public String getProposerPhone() {
        return proposerPhone;
    }

    public String getProposerEmail() {
        return proposerEmail;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public List<ProposalCoUnit> getCoUnits() {
        return List.copyOf(coUnits);
    }

    public ProposalStatus getStatus() {
        return status;
    }

    public String getAnswer() {
        return answer;
    }

    public AnswerState getAnswerState() {
        return answerState;
    }

    public OffsetDateTime getAnsweredAt() {
        return answeredAt;
    }

    public OffsetDateTime getAnswerEmailedAt() {
        return answerEmailedAt;
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

    public OffsetDateTime getAnonymisedAt() {
        return anonymisedAt;
    }

    public boolean isSpam() {
        return spam;
    }

    public long getVersion() {
        return version;
    }
}
