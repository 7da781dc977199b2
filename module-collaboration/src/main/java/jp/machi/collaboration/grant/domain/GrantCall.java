package jp.machi.collaboration.grant.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * 協働提案型公募補助の募集 (市民活動げんき基金の補助金): one call for proposals of a fiscal year, with its
 * budget, eligibility, the maximum per grant, the subsidy rate (補助率), how many years one project may
 * be funded from its start-up (取手市: 最長6年間), the review criteria with their weights
 * ({@link GrantCriterion}, child rows) and the schedule (説明会, 企画書作成会, 受付期間, 公開審査, 決定).
 */
@Entity
@Table(name = "collaboration_grant_call")
public class GrantCall extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "purpose", nullable = false, length = 2000)
    private String purpose;

    @Column(name = "eligibility", nullable = false, length = 2000)
    private String eligibility;

    @Column(name = "budget", nullable = false)
    private long budget;

    @Column(name = "max_per_grant", nullable = false)
    private long maxPerGrant;

    /** 補助率 in percent of the eligible cost (1–100). */
    @Column(name = "subsidy_rate", nullable = false)
    private int subsidyRate;

    @Column(name = "max_years", nullable = false)
    private int maxYears;

    @Column(name = "briefing_on")
    private LocalDate briefingOn;

    @Column(name = "workshop_on")
    private LocalDate workshopOn;

    @Column(name = "submission_opens_on", nullable = false)
    private LocalDate submissionOpensOn;

    @Column(name = "submission_closes_on", nullable = false)
    private LocalDate submissionClosesOn;

    @Column(name = "hearing_on")
    private LocalDate hearingOn;

    @Column(name = "decision_on")
    private LocalDate decisionOn;

    @Column(name = "invented", nullable = false)
    private boolean invented;

    /** 提出書類: the documents an application must have before its completeness is confirmed, one per line. */
    @Column(name = "required_documents", length = 1000)
    private String requiredDocuments;

    /** The {@link Fund} that finances this call's grants, if any. */
    @Column(name = "fund_id")
    private UUID fundId;

    @OneToMany(mappedBy = "call", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<GrantCriterion> criteria = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected GrantCall() {
    }

    /** The schedule of a call: 説明会, 企画書作成会, 受付期間, 公開審査 (hearing), 決定. */
    public record Schedule(LocalDate briefingOn, LocalDate workshopOn, LocalDate submissionOpensOn,
            LocalDate submissionClosesOn, LocalDate hearingOn, LocalDate decisionOn) {
    }

    public record Criterion(String name, int weight) {
    }

    public record Content(int fiscalYear, String title, String purpose, String eligibility, long budget,
            long maxPerGrant, int subsidyRate, int maxYears, Schedule schedule, List<Criterion> criteria,
            boolean invented) {
    }

    public GrantCall(Content c) {
        revise(c);
    }

    /** Replaces the call's fields and criteria; answers whether the criteria changed (the service then raises the version). */
    public final boolean revise(Content c) {
        this.fiscalYear = c.fiscalYear();
        this.title = c.title();
        this.purpose = c.purpose();
        this.eligibility = c.eligibility();
        this.budget = c.budget();
        this.maxPerGrant = c.maxPerGrant();
        this.subsidyRate = c.subsidyRate();
        this.maxYears = c.maxYears();
        Schedule s = c.schedule();
        this.briefingOn = s.briefingOn();
        this.workshopOn = s.workshopOn();
        this.submissionOpensOn = s.submissionOpensOn();
        this.submissionClosesOn = s.submissionClosesOn();
        this.hearingOn = s.hearingOn();
        this.decisionOn = s.decisionOn();
        this.invented = c.invented();
        List<Criterion> now = criteria.stream().map(x -> new Criterion(x.getName(), x.getWeight())).toList();
        if (now.equals(c.criteria())) {
            return false;
        }
        // Criteria keep their ids where their position stays, so scores given on them stay with them.
        for (int i = 0; i < c.criteria().size(); i++) {
            Criterion k = c.criteria().get(i);
            if (i < criteria.size()) {
                criteria.get(i).revise(k.name(), k.weight());
            } else {
                criteria.add(new GrantCriterion(this, i + 1, k.name(), k.weight()));
            }
        }
        while (criteria.size() > c.criteria().size()) {
            criteria.remove(criteria.size() - 1);
        }
        return true;
    }

    /** 提出書類 (企画書, 収支予算書 …): what every application must attach before it is complete. */
    public List<String> getRequiredDocuments() {
        return requiredDocuments == null || requiredDocuments.isBlank() ? List.of()
                : List.of(requiredDocuments.split("\n"));
    }

    /** Replaces the required documents (names without line breaks, no repeats). */
    public void requireDocuments(List<String> names) {
        String joined = names == null || names.isEmpty() ? null : String.join("\n", names);
        if (!java.util.Objects.equals(joined, requiredDocuments)) {
            this.requiredDocuments = joined;
        }
    }

    public UUID getFundId() {
        return fundId;
    }

    public void financedBy(UUID fund) {
        if (!java.util.Objects.equals(fund, fundId)) {
            this.fundId = fund;
        }
    }

    /** Whether the submission period includes {@code day}. */
    public boolean open(LocalDate day) {
        return !day.isBefore(submissionOpensOn) && !day.isAfter(submissionClosesOn);
    }

    public UUID getId() {
        return id;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public String getTitle() {
        return title;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getEligibility() {
        return eligibility;
    }

    public long getBudget() {
        return budget;
    }

    public long getMaxPerGrant() {
        return maxPerGrant;
    }

    public int getSubsidyRate() {
        return subsidyRate;
    }

    public int getMaxYears() {
        return maxYears;
    }

    public Schedule getSchedule() {
        return new Schedule(briefingOn, workshopOn, submissionOpensOn, submissionClosesOn, hearingOn, decisionOn);
    }

    public boolean isInvented() {
        return invented;
    }

    public List<GrantCriterion> getCriteria() {
        return List.copyOf(criteria);
    }

    public long getVersion() {
        return version;
    }
}
