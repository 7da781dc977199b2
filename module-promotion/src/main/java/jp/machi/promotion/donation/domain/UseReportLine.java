package jp.machi.promotion.donation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/** One use's line of a use report (a child row: changing it raises the report's version). */
@Entity
@Table(name = "promotion_use_report_line")
public class UseReportLine extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id", nullable = false)
    private UseReport report;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "use_id", nullable = false)
    private UUID useId;

    @Column(name = "spent", nullable = false)
    private long spent;

    @Column(name = "text", length = 2000)
    private String text;

    protected UseReportLine() {
    }

    UseReportLine(UseReport report, UseReport.Line l, int sortOrder) {
        this.report = report;
        revise(l, sortOrder);
    }

    final void revise(UseReport.Line l, int at) {
        this.sortOrder = at;
        this.useId = l.useId();
        this.spent = l.spent();
        this.text = l.text();
    }

    boolean same(UseReport.Line l, int at) {
        return sortOrder == at && useId.equals(l.useId()) && spent == l.spent() && Objects.equals(text, l.text());
    }

    public UUID getId() {
        return id;
    }

    public UUID getUseId() {
        return useId;
    }

    public long getSpent() {
        return spent;
    }

    public String getText() {
        return text;
    }
}
