package jp.machi.planning.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.FiscalYearConverter;
import jp.machi.core.persistence.TenantOwned;

/**
 * 総合計画: a municipality's comprehensive plan for a period of fiscal years (e.g. 令和3〜7年度),
 * the names it gives the levels of its hierarchy, and the rule by which progress rolls up. Level
 * names are the plan's own when it sets them, else the municipality's setting {@code levelNames}.
 */
@Entity
@Table(name = "planning_plan")
@NamedQuery(name = "ComprehensivePlan.all",
        query = "SELECT p FROM ComprehensivePlan p ORDER BY p.firstYear DESC, p.name")
@NamedQuery(name = "ComprehensivePlan.published",
        query = "SELECT p FROM ComprehensivePlan p WHERE p.published = TRUE ORDER BY p.firstYear DESC, p.name")
public class ComprehensivePlan extends TenantOwned {

    /** At most this many levels (基本目標 … 取組項目 are four). */
    public static final int MAX_LEVELS = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "name", nullable = false, length = 300)
    private String name;

    @Column(name = "name_en", length = 300)
    private String nameEn;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "first_fiscal_year", nullable = false)
    private FiscalYear firstYear;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "last_fiscal_year", nullable = false)
    private FiscalYear lastYear;

    /** One name per line, top level first; null when the municipality's setting applies. */
    @Column(name = "level_names", length = 1000)
    private String levelNames;

    @Column(name = "score_cap_percent", nullable = false, precision = 9, scale = 2)
    private BigDecimal scoreCapPercent;

    @Column(name = "count_outcome", nullable = false)
    private boolean countOutcome;

    @Column(name = "count_process", nullable = false)
    private boolean countProcess;

    /** Shown on the municipality's public portal and by the public plan endpoints. */
    @Column(name = "published", nullable = false)
    private boolean published;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ComprehensivePlan() {
    }

    /**
     * A plan as one edit.
     *
     * @param levelNames the plan's own level names, or null to follow the municipality's setting
     * @param published whether the public portal shows the plan and its progress
     */
    public record Content(String name, String nameEn, FiscalYear firstYear, FiscalYear lastYear, List<String> levelNames,
            RollUpRule rule, boolean published) {
    }

    public ComprehensivePlan(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.name = c.name();
        this.nameEn = c.nameEn();
        this.firstYear = c.firstYear();
        this.lastYear = c.lastYear();
        this.levelNames = c.levelNames() == null ? null : String.join("\n", c.levelNames());
        this.scoreCapPercent = c.rule().capPercent();
        this.countOutcome = c.rule().counts(LinkRole.OUTCOME);
        this.countProcess = c.rule().counts(LinkRole.PROCESS);
        this.published = c.published();
    }

    /** The plan's own level names, if it sets them. */
    public List<String> ownLevelNames() {
        return levelNames == null ? null : Arrays.asList(levelNames.split("\n"));
    }

    /** The level names in force: the plan's own, or else {@code fallback} (the municipality's setting). */
    public List<String> levelNames(List<String> fallback) {
        List<String> own = ownLevelNames();
        return own != null ? own : fallback;
    }

    public RollUpRule rule() {
        Set<LinkRole> roles = EnumSet.noneOf(LinkRole.class);
        if (countOutcome) {
            roles.add(LinkRole.OUTCOME);
        }
        if (countProcess) {
            roles.add(LinkRole.PROCESS);
        }
        return new RollUpRule(scoreCapPercent, roles);
    }

    public boolean covers(FiscalYear fy) {
        return fy.compareTo(firstYear) >= 0 && fy.compareTo(lastYear) <= 0;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getNameEn() {
        return nameEn;
    }

    public FiscalYear getFirstYear() {
        return firstYear;
    }

    public FiscalYear getLastYear() {
        return lastYear;
    }

    public boolean isPublished() {
        return published;
    }

    public long getVersion() {
        return version;
    }
}
