package jp.machi.collaboration.grant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/** 収支予算書の支出の一行: an item of a {@link GrantApplication}'s budget, eligible (補助対象経費) or not. */
@Entity
@Table(name = "collaboration_grant_budget_line")
public class GrantBudgetLine extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    private GrantApplication application;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "item", nullable = false, length = 200)
    private String item;

    @Column(name = "amount", nullable = false)
    private long amount;

    @Column(name = "eligible", nullable = false)
    private boolean eligible;

    protected GrantBudgetLine() {
    }

    GrantBudgetLine(GrantApplication application, int seq, String item, long amount, boolean eligible) {
        this.application = application;
        this.seq = seq;
        this.item = item;
        this.amount = amount;
        this.eligible = eligible;
    }

    public UUID getId() {
        return id;
    }

    public int getSeq() {
        return seq;
    }

    public String getItem() {
        return item;
    }

    public long getAmount() {
        return amount;
    }

    public boolean isEligible() {
        return eligible;
    }
}
