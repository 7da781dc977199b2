package jp.machi.engagement.comment.domain;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * パブリックコメント (意見公募手続): a draft plan, ordinance or rule put to the residents for their
 * opinions during a period (at least the municipality's minimum, 30 days by default; shorter only
 * with a reason, which is published), then its results: each opinion or a summary of several with
 * the municipality's consideration and whether the draft changed ({@link CommentResponse}), and the
 * final text. The documents are PDF attachments (core files). Every change, the results' lines
 * included, raises the version.
 */
@Entity
@Table(name = "engagement_comment_procedure")
public class CommentProcedure extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private CommentKind kind;

    @Column(name = "summary", length = 4000)
    private String summary;

    @Column(name = "unit_id")
    private UUID unitId;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    /** Why the period is shorter than the municipality's minimum; published with the procedure. */
    @Column(name = "short_period_reason", length = 1000)
    private String shortPeriodReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private ProcedureStatus status = ProcedureStatus.DRAFT;

    @Column(name = "announced_at")
    private OffsetDateTime announcedAt;

    /** 結果の概要: what came of it, how the draft changed (or that there were no opinions). */
    @Column(name = "result_summary", length = 4000)
    private String resultSummary;

    /** The final text (one of the procedure's documents), once results are prepared. */
    @Column(name = "final_text_id")
    private UUID finalTextId;

    @Column(name = "results_published_at")
    private OffsetDateTime resultsPublishedAt;

    /** Raised with every replacement of the results' lines, so the procedure's version moves with them. */
    @Column(name = "results_revision", nullable = false)
    private int resultsRevision;

    @OneToMany(mappedBy = "procedure", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<CommentResponse> responses = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CommentProcedure() {
    }

    /** What staff edit of the procedure itself. */
    public record Draft(String title, CommentKind kind, String summary, UUID unitId, LocalDate periodStart,
            LocalDate periodEnd, String shortPeriodReason) {
    }

    /** One line of the results as staff give it. */
    public record Response(String opinion, int opinionCount, String consideration, boolean draftChanged) {
    }

    public CommentProcedure(Draft d) {
        edit(d);
    }

    public final void edit(Draft d) {
        this.title = d.title();
        this.kind = d.kind();
        this.summary = d.summary();
        this.unitId = d.unitId();
        this.periodStart = d.periodStart();
        this.periodEnd = d.periodEnd();
        this.shortPeriodReason = d.shortPeriodReason();
    }

    /** The period's length in days, both ends included (公示の日から起算して30日以上). */
    public static long days(LocalDate start, LocalDate end) {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    public long periodDays() {
        return days(periodStart, periodEnd);
    }

    public Phase phase(LocalDate today) {
        return Phase.of(status, periodStart, periodEnd, today);
    }

    public void announce(OffsetDateTime now) {
        this.status = ProcedureStatus.ANNOUNCED;
        this.announcedAt = now;
    }

    /** Replaces the results' lines, the summary and the final text; the version moves. */
    public void prepareResults(List<Response> lines, String resultSummary, UUID finalTextId) {
        responses.clear();
        int i = 0;
        for (Response r : lines) {
            responses.add(new CommentResponse(this, i++, r.opinion(), r.opinionCount(), r.consideration(),
                    r.draftChanged()));
        }
        this.resultSummary = resultSummary;
        this.finalTextId = finalTextId;
        this.resultsRevision++;
    }

    public void publishResults(OffsetDateTime now) {
        this.status = ProcedureStatus.RESULTS_PUBLISHED;
        this.resultsPublishedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public CommentKind getKind() {
        return kind;
    }

    public String getSummary() {
        return summary;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public String getShortPeriodReason() {
        return shortPeriodReason;
    }

    public ProcedureStatus getStatus() {
        return status;
    }

    public OffsetDateTime getAnnouncedAt() {
        return announcedAt;
    }

    public String getResultSummary() {
        return resultSummary;
    }

    public UUID getFinalTextId() {
        return finalTextId;
    }

    public OffsetDateTime getResultsPublishedAt() {
        return resultsPublishedAt;
    }

    public List<CommentResponse> getResponses() {
        return responses;
    }

    public long getVersion() {
        return version;
    }
}
