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
 * 募集に要した費用: the costs of collecting hometown-tax donations in one designation year (指定対象期間,
 * October to September, by the year it starts), one child row per category of the ministry's
 * survey (返礼品の調達, 送付, 広報, 決済, 事務, ポータルサイト手数料 …): changing a row raises the
 * year's version, so nobody overwrites a colleague's figures unknowingly. The share of these costs
 * against the year's donations is computed live from the donations (never stored).
 */
@Entity
@Table(name = "promotion_collection_cost_year")
public class CollectionCostYear extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "designation_year", nullable = false)
    private int designationYear;

    @Column(name = "note", length = 1000)
    private String note;

    @OneToMany(mappedBy = "year", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<CollectionCostLine> lines = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CollectionCostYear() {
    }

    /** One category's cost in whole yen, with a note. */
    public record Line(String category, long amount, String note) {
    }

    /** The year as one edit: every category with a cost (one left out is removed). */
    public record Content(int designationYear, String note, List<Line> lines) {
    }

    public CollectionCostYear(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.designationYear = c.designationYear();
        this.note = c.note();
        List<Line> wanted = c.lines() == null ? List.of() : c.lines();
        // Keep the rows that stay the same (no churn in the audit trail), revise or replace the rest.
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
            lines.add(new CollectionCostLine(this, wanted.get(i), i));
        }
    }

    /** The designation year a day falls in (October–September, by the year it starts), as donations count it. */
    public static int containing(LocalDate day) {
        return Donation.designationYear(day);
    }

    public long total() {
        return lines.stream().mapToLong(CollectionCostLine::getAmount).sum();
    }

    public UUID getId() {
        return id;
    }

    public int getDesignationYear() {
        return designationYear;
    }

    public String getNote() {
        return note;
    }

    public List<CollectionCostLine> getLines() {
        return lines;
    }

    public long getVersion() {
        return version;
    }
}
