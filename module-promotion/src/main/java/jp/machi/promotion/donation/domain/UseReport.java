package jp.machi.promotion.donation.domain;

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
 * 寄附金の活用報告: what the donations of one fiscal year paid for, reported to donors on the portal:
 * a summary and one child row per use (the amount spent and a text the staff write). Changing a row
 * raises the report's version. Published or not; never any donor in it.
 */
@Entity
@Table(name = "promotion_use_report")
public class UseReport extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "summary", length = 2000)
    private String summary;

    @Column(name = "published_on")
    private LocalDate publishedOn;

    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    private List<UseReportLine> lines = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected UseReport() {
    }

    /** One use's line: the amount spent in whole yen and what it paid for. */
    public record Line(UUID useId, long spent, String text) {
    }

    /** The report as one edit ({@code publishedOn} null: not published). */
    public record Content(int fiscalYear, String summary, LocalDate publishedOn, List<Line> lines) {
    }

    public UseReport(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.fiscalYear = c.fiscalYear();
        this.summary = c.summary();
        this.publishedOn = c.publishedOn();
        List<Line> wanted = c.lines() == null ? List.of() : c.lines();
        int i = 0;
        for (; i < wanted.size() && i < lines.size(); i++) {
            if (!lines.get(i).same(wanted.get(i), i)) {
                lines.get(i).revise(wanted.get(i), i);
            }
        }
        while (lines.size() > wanted.size()) {
            lines.remove(lines.size() - 1);
        }
        for (; i < wanted.size(); i++) {
            lines.add(new UseReportLine(this, wanted.get(i), i));
        }
    }

    public UUID getId() {
        return id;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public String getSummary() {
        return summary;
    }

    public LocalDate getPublishedOn() {
        return publishedOn;
    }

    public List<UseReportLine> getLines() {
        return lines;
    }

    public long getVersion() {
        return version;
    }
}
