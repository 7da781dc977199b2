package jp.machi.collaboration.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.FiscalYearConverter;
import jp.machi.core.persistence.TenantOwned;

/**
 * 協働事業 (seed 004 #14): a project a unit of the municipality carries out with registered partner
 * organisations in a fiscal year, in one form of collaboration from the municipality's list (共催,
 * 委託, 補助 …), with its budget and outcome. The partners are kept as their ids in one column, so
 * that changing them is a change of the project (and of its version).
 */
@Entity
@Table(name = "collaboration_project")
public class CollaborativeProject extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "fiscal_year", nullable = false)
    private FiscalYear fiscalYear;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "unit_id", nullable = false)
    private UUID unitId;

    @Column(name = "form", nullable = false, length = 50)
    private String form;

    @Column(name = "partner_ids", nullable = false, length = 800)
    private String partnerIds;

    @Column(name = "description", length = 2000)
    private String description;

    @Column(name = "budget", precision = 13, scale = 0)
    private BigDecimal budget;

    @Column(name = "outcome", length = 2000)
    private String outcome;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CollaborativeProject() {
    }

    /** The whole project as one edit. */
    public record Content(FiscalYear fiscalYear, String title, UUID unitId, String form, List<UUID> partnerIds,
            String description, BigDecimal budget, String outcome) {
    }

    public CollaborativeProject(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.fiscalYear = c.fiscalYear();
        this.title = c.title();
        this.unitId = c.unitId();
        this.form = c.form();
        this.partnerIds = joinIds(c.partnerIds());
        this.description = c.description();
        this.budget = c.budget();
        this.outcome = c.outcome();
    }

    /** The ids between commas (",id1,id2,"), so that one partner's projects are found with LIKE. */
    static String joinIds(List<UUID> ids) {
        return ids.isEmpty() ? "," : "," + ids.stream().map(UUID::toString).collect(Collectors.joining(",")) + ",";
    }

    public static String partnerPattern(UUID partner) {
        return "%," + partner + ",%";
    }

    public List<UUID> getPartnerIds() {
        return Arrays.stream(partnerIds.split(",")).filter(s -> !s.isBlank()).map(UUID::fromString).toList();
    }

    public UUID getId() {
        return id;
    }

    public FiscalYear getFiscalYear() {
        return fiscalYear;
    }

    public String getTitle() {
        return title;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public String getForm() {
        return form;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getBudget() {
        return budget;
    }

    public String getOutcome() {
        return outcome;
    }

    public long getVersion() {
        return version;
    }
}
