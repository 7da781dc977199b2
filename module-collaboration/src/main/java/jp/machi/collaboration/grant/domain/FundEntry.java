package jp.machi.collaboration.grant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/** A receipt of a {@link Fund} in a fiscal year: a donation (寄附) or interest (運用益). */
@Entity
@Table(name = "collaboration_fund_entry")
public class FundEntry extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "fund_id", nullable = false)
    private Fund fund;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private Fund.Kind kind;

    @Column(name = "amount", nullable = false)
    private long amount;

    @Column(name = "note", length = 200)
    private String note;

    protected FundEntry() {
    }

    FundEntry(Fund fund, int seq, int fiscalYear, Fund.Kind kind, long amount, String note) {
        this.fund = fund;
        this.seq = seq;
        this.fiscalYear = fiscalYear;
        this.kind = kind;
        this.amount = amount;
        this.note = note;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public Fund.Kind getKind() {
        return kind;
    }

    public long getAmount() {
        return amount;
    }

    public String getNote() {
        return note;
    }
}
