package jp.machi.planning.evaluation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.FiscalYearConverter;
import jp.machi.core.persistence.TenantOwned;

/**
 * 評価結果の公表: the municipality published the evaluation results of a fiscal year — the
 * evaluations of that year with a final decision are shown on the public portal. Who published is
 * in the audit trail, not here.
 */
@Entity
@Table(name = "planning_evaluation_publication")
@NamedQuery(name = "EvaluationPublication.all",
        query = "SELECT p FROM EvaluationPublication p ORDER BY p.fiscalYear DESC")
@NamedQuery(name = "EvaluationPublication.of",
        query = "SELECT p FROM EvaluationPublication p WHERE p.fiscalYear = :fiscalYear")
public class EvaluationPublication extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "fiscal_year", nullable = false, updatable = false)
    private FiscalYear fiscalYear;

    @Column(name = "published_at", nullable = false)
    private OffsetDateTime publishedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected EvaluationPublication() {
    }

    public EvaluationPublication(FiscalYear fiscalYear) {
        this.fiscalYear = fiscalYear;
        this.publishedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public UUID getId() {
        return id;
    }

    public FiscalYear getFiscalYear() {
        return fiscalYear;
    }

    public OffsetDateTime getPublishedAt() {
        return publishedAt;
    }
}
