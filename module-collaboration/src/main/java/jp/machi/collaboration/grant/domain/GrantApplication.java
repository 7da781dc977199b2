package jp.machi.collaboration.grant.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.machi.core.persistence.TenantOwned;

/**
 * 協働提案型公募補助の申請 (企画書): a registered organisation's proposal to a {@link GrantCall}: the
 * project, its plan, its budget ({@link GrantBudgetLine}s), the amount requested, the fiscal year the
 * project started (事業立ち上げ年度, from which the years of funding are counted), the completeness
 * check, the panel's scores ({@link GrantScore}s), the decision and, after the year, the result report
 * and settlement (実績報告・精算). The applicant is an organisation: no personal data.
 */
@Entity
@Table(name = "collaboration_grant_application")
public class GrantApplication extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "call_id", nullable = false, updatable = false)
    private UUID callId;

    @Column(name = "fiscal_year", nullable = false, updatable = false)
    private int fiscalYear;

    @Column(name = "partner_id", nullable = false)
    private UUID partnerId;

    @Column(name = "applicant_name", nullable = false, length = 200)
    private String applicantName;

    @Column(name = "project_title", nullable = false, length = 200)
    private String projectTitle;

    @Column(name = "plan", nullable = false, length = 4000)
    private String plan;

    @Column(name = "start_year", nullable = false)
    private int startYear;

    @Column(name = "requested_amount", nullable = false)
    private long requestedAmount;

    @Column(name = "channel", nullable = false, length = 10)
    private String channel;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private GrantApplicationState state;

    @Column(name = "completeness_note", length = 1000)
    private String completenessNote;

    @Column(name = "granted_amount")
    private Long grantedAmount;

    @Column(name = "decision_reason", length = 1000)
    private String decisionReason;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Column(name = "paid")
    private Long paid;

    @Column(name = "spent")
    private Long spent;

    @Column(name = "result_report", length = 4000)
    private String resultReport;

    @Column(name = "settled_on")
    private LocalDate settledOn;

    @Column(name = "invented", nullable = false)
    private boolean invented;

    /** 受付番号 of an application sent from the portal (core's public intake); null for a paper one. */
    @Column(name = "receipt_number", length = 20, updatable = false)
    private String receiptNumber;

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("addedAt")
    private List<GrantDocument> documents = new ArrayList<>();

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<GrantBudgetLine> budgetLines = new ArrayList<>();

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<GrantScore> scores = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected GrantApplication() {
    }

    public record Line(String item, long amount, boolean eligible) {
    }

    public record Content(UUID partnerId, String applicantName, String projectTitle, String plan, int startYear,
            long requestedAmount, List<Line> lines) {
    }

    public GrantApplication(GrantCall call, Content c, String channel, LocalDate receivedOn, boolean invented) {
        this(call, c, channel, receivedOn, invented, null);
    }

    public GrantApplication(GrantCall call, Content c, String channel, LocalDate receivedOn, boolean invented,
            String receiptNumber) {
        this.receiptNumber = receiptNumber;
        this.callId = call.getId();
        this.fiscalYear = call.getFiscalYear();
        this.channel = channel;
        this.receivedOn = receivedOn;
        this.state = GrantApplicationState.SUBMITTED;
        this.invented = invented;
        revise(c);
    }

    public final void revise(Content c) {
        this.partnerId = c.partnerId();
        this.applicantName = c.applicantName();
        this.projectTitle = c.projectTitle();
        this.plan = c.plan();
        this.startYear = c.startYear();
        this.requestedAmount = c.requestedAmount();
        budgetLines.clear();
        int seq = 0;
        for (Line l : c.lines()) {
            budgetLines.add(new GrantBudgetLine(this, ++seq, l.item(), l.amount(), l.eligible()));
        }
    }

    /** 補助対象経費: the sum of the eligible lines. */
    public long eligibleCost() {
        return budgetLines.stream().filter(GrantBudgetLine::isEligible).mapToLong(GrantBudgetLine::getAmount).sum();
    }

    public long totalCost() {
        return budgetLines.stream().mapToLong(GrantBudgetLine::getAmount).sum();
    }

    /** The year of funding of this call's fiscal year: 1 in the start-up year. */
    public int fundingYear() {
        return fiscalYear - startYear + 1;
    }

    public void checkCompleteness(boolean complete, String note) {
        this.state = complete ? GrantApplicationState.UNDER_REVIEW : GrantApplicationState.INCOMPLETE;
        this.completenessNote = note;
    }

    /** Replaces one panel member's scores. */
    public void score(String reviewerId, String reviewerName, Map<UUID, Integer> byCriterion) {
        scores.removeIf(s -> s.getReviewerId().equals(reviewerId));
        byCriterion.forEach((c, v) -> scores.add(new GrantScore(this, reviewerId, reviewerName, c, v)));
    }

    /**
     * The weighted total: per panel member the sum of score × weight, averaged over the members who
     * scored (two decimals, half up); null before anyone scored.
     */
    public BigDecimal weightedTotal(Map<UUID, Integer> weights) {
        Map<String, Long> perReviewer = scores.stream().collect(Collectors.groupingBy(GrantScore::getReviewerId,
                LinkedHashMap::new, Collectors.summingLong(s -> (long) s.getScore() * weights.getOrDefault(s.getCriterionId(), 0))));
        if (perReviewer.isEmpty()) {
            return null;
        }
        long sum = perReviewer.values().stream().mapToLong(Long::longValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(perReviewer.size()), 2, RoundingMode.HALF_UP);
    }

    public void decide(boolean adopt, Long granted, String reason, LocalDate on) {
        this.state = adopt ? GrantApplicationState.ADOPTED : GrantApplicationState.REJECTED;
        this.grantedAmount = adopt ? granted : null;
        this.decisionReason = reason;
        this.decidedOn = on;
    }

    public void settle(long paid, long spent, String report, LocalDate on) {
        this.paid = paid;
        this.spent = spent;
        this.resultReport = report;
        this.settledOn = on;
    }

    /** 返還額: what was paid and not spent; null before the settlement. */
    public Long returned() {
        return paid == null ? null : Math.max(0, paid - spent);
    }

    /** Attaches a stored file as one of the call's documents. */
    public GrantDocument attach(UUID fileId, String document, String fileName, java.time.OffsetDateTime at) {
        GrantDocument d = new GrantDocument(this, fileId, document, fileName, at);
        documents.add(d);
        return d;
    }

    /** Removes the document row of a stored file; answers whether there was one. */
    public boolean detach(UUID fileId) {
        return documents.removeIf(d -> d.getFileId().equals(fileId));
    }

    /** The call's required documents this application has no file for yet. */
    public List<String> missingDocuments(List<String> required) {
        java.util.Set<String> have = documents.stream().map(GrantDocument::getDocument)
                .collect(Collectors.toSet());
        return required.stream().filter(r -> !have.contains(r)).toList();
    }

    public List<GrantDocument> getDocuments() {
        return List.copyOf(documents);
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCallId() {
        return callId;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public UUID getPartnerId() {
        return partnerId;
    }

    public String getApplicantName() {
        return applicantName;
    }

    public String getProjectTitle() {
        return projectTitle;
    }

    public String getPlan() {
        return plan;
    }

    public int getStartYear() {
        return startYear;
    }

    public long getRequestedAmount() {
        return requestedAmount;
    }

    public String getChannel() {
        return channel;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public GrantApplicationState getState() {
        return state;
    }

    public String getCompletenessNote() {
        return completenessNote;
    }

    public Long getGrantedAmount() {
        return grantedAmount;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public Long getPaid() {
        return paid;
    }

    public Long getSpent() {
        return spent;
    }

    public String getResultReport() {
        return resultReport;
    }

    public LocalDate getSettledOn() {
        return settledOn;
    }

    public boolean isInvented() {
        return invented;
    }

    public List<GrantBudgetLine> getBudgetLines() {
        return List.copyOf(budgetLines);
    }

    public List<GrantScore> getScores() {
        return List.copyOf(scores);
    }

    public long getVersion() {
        return version;
    }
}
