package jp.machi.planning.reform.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.fiscalyear.FiscalYearConverter;
import jp.machi.core.persistence.TenantOwned;
import jp.machi.planning.document.JsonColumn;

/**
 * 改革項目: an item of an administrative reform plan (行政改革, seed 004): its number, theme, title,
 * responsible divisions, current state and issues, direction, concrete examples, a schedule over
 * the plan's fiscal years, and the core indicators (with their yearly targets and actuals) that
 * measure it.
 */
@Entity
@Table(name = "planning_reform_item")
@NamedQuery(name = "ReformItem.all", query = "SELECT r FROM ReformItem r ORDER BY r.itemNumber")
@NamedQuery(name = "ReformItem.byNumber", query = "SELECT r FROM ReformItem r WHERE r.itemNumber = :number")
public class ReformItem extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "item_number", nullable = false)
    private int itemNumber;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "first_fiscal_year")
    private FiscalYear firstFiscalYear;

    @Convert(converter = FiscalYearConverter.class)
    @Column(name = "last_fiscal_year")
    private FiscalYear lastFiscalYear;

    @Column(name = "content", nullable = false, length = 200000)
    private String content;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ReformItem() {
    }

    /** A responsible division: the unit if matched, and the name as the plan writes it. */
    public record ResponsibleUnit(UUID unitId, String name) {
    }

    /** 取組スケジュール: an activity carried out from one fiscal year to another (start years), with its stage if any (検討, 実施 …). */
    public record ScheduleEntry(String activity, int fromFiscalYear, int toFiscalYear, String stage) {
    }

    /** What is kept as JSON. */
    public record Texts(String theme, String title, List<ResponsibleUnit> responsibleUnits, String currentState,
            String direction, List<String> examples, List<ScheduleEntry> schedule, List<UUID> indicatorIds,
            String indicatorNote) {
    }

    /** The whole item as one edit. */
    public record Content(int itemNumber, FiscalYear firstFiscalYear, FiscalYear lastFiscalYear, String theme, String title,
            List<ResponsibleUnit> responsibleUnits, String currentState, String direction, List<String> examples,
            List<ScheduleEntry> schedule, List<UUID> indicatorIds, String indicatorNote) {
    }

    public ReformItem(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.itemNumber = c.itemNumber();
        this.firstFiscalYear = c.firstFiscalYear();
        this.lastFiscalYear = c.lastFiscalYear();
        this.content = JsonColumn.write(new Texts(c.theme(), c.title(), List.copyOf(c.responsibleUnits()),
                c.currentState(), c.direction(), List.copyOf(c.examples()), List.copyOf(c.schedule()),
                List.copyOf(c.indicatorIds()), c.indicatorNote()));
    }

    public Content content() {
        Texts t = JsonColumn.read(content, Texts.class);
        return new Content(itemNumber, firstFiscalYear, lastFiscalYear, t.theme(), t.title(), nonNull(t.responsibleUnits()),
                t.currentState(), t.direction(), nonNull(t.examples()), nonNull(t.schedule()), nonNull(t.indicatorIds()),
                t.indicatorNote());
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }

    public UUID getId() {
        return id;
    }

    public int getItemNumber() {
        return itemNumber;
    }

    public FiscalYear getFirstFiscalYear() {
        return firstFiscalYear;
    }

    public FiscalYear getLastFiscalYear() {
        return lastFiscalYear;
    }

    public long getVersion() {
        return version;
    }
}
