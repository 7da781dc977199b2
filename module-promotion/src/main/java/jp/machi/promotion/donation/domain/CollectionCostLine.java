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

/** One category's cost of a designation year (a child row: changing it raises the year's version). */
@Entity
@Table(name = "promotion_collection_cost_line")
public class CollectionCostLine extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "year_id", nullable = false)
    private CollectionCostYear year;

    @Column(name = "sort_order", nullable = false)
    private int position;

    @Column(name = "category", nullable = false, length = 100)
    private String category;

    @Column(name = "amount", nullable = false)
    private long amount;

    @Column(name = "note", length = 500)
    private String note;

    protected CollectionCostLine() {
    }

    CollectionCostLine(CollectionCostYear year, CollectionCostYear.Line l, int position) {
        this.year = year;
        revise(l, position);
    }

    final void revise(CollectionCostYear.Line l, int position) {
        this.position = position;
        this.category = l.category();
        this.amount = l.amount();
        this.note = l.note();
    }

    boolean same(CollectionCostYear.Line l, int at) {
        return position == at && category.equals(l.category()) && amount == l.amount() && Objects.equals(note, l.note());
    }

    public UUID getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getCategory() {
        return category;
    }

    public long getAmount() {
        return amount;
    }

    public String getNote() {
        return note;
    }
}
