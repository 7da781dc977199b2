package jp.machi.core.calendar.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.UUID;
import jp.machi.core.calendar.ClosureRules;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.persistence.TenantOwned;

/** One of a municipality's closed days as stored: a recurring month-day range or a one-off date. */
@Entity
@Table(name = "closed_day_rule")
@NamedQuery(name = "ClosedDayRule.all", query = "SELECT r FROM ClosedDayRule r ORDER BY r.position")
public class ClosedDayRule extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "sort_order", nullable = false)
    private int position;

    @Column(name = "start_month_day", length = 5)
    private String startMonthDay;

    @Column(name = "end_month_day", length = 5)
    private String endMonthDay;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "name_ja", nullable = false, length = ClosureRules.MAX_NAME)
    private String nameJa;

    @Column(name = "name_en", length = ClosureRules.MAX_NAME)
    private String nameEn;

    protected ClosedDayRule() {
    }

    public ClosedDayRule(int position, ClosureRules.Recurring r) {
        this.position = position;
        this.startMonthDay = text(r.from());
        this.endMonthDay = text(r.to());
        this.nameJa = r.name().ja();
        this.nameEn = r.name().en();
    }

    public ClosedDayRule(int position, ClosureRules.OneOff o) {
        this.position = position;
        this.closedOn = o.date();
        this.nameJa = o.name().ja();
        this.nameEn = o.name().en();
    }

    public boolean isOneOff() {
        return closedOn != null;
    }

    public ClosureRules.Recurring toRecurring() {
        return new ClosureRules.Recurring(monthDay(startMonthDay), monthDay(endMonthDay), name());
    }

    public ClosureRules.OneOff toOneOff() {
        return new ClosureRules.OneOff(closedOn, name());
    }

    private LocalizedText name() {
        return LocalizedText.of(nameJa, nameEn);
    }

    /** MM-DD. */
    public static String text(MonthDay md) {
        return String.format("%02d-%02d", md.getMonthValue(), md.getDayOfMonth());
    }

    public static MonthDay monthDay(String text) {
        return MonthDay.parse("--" + text);
    }
}
