package jp.machi.collaboration.grant.domain;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.machi.core.persistence.TenantOwned;

/**
 * 基金 (市民活動げんき基金): its opening balance in its first fiscal year and its receipts per year
 * (donations, interest) as child rows; the grants paid from it are those of the calls it finances,
 * summed when the ledger is read, never copied here.
 */
@Entity
@Table(name = "collaboration_fund")
public class Fund extends TenantOwned {

    public enum Kind { DONATION, INTEREST }

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "purpose", length = 2000)
    private String purpose;

    @Column(name = "first_year", nullable = false)
    private int firstYear;

    @Column(name = "opening_balance", nullable = false)
    private long openingBalance;

    @Column(name = "invented", nullable = false)
    private boolean invented;

    @OneToMany(mappedBy = "fund", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<FundEntry> entries = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Fund() {
    }

    public record Entry(int fiscalYear, Kind kind, long amount, String note) {
    }

    public record Content(String name, String purpose, int firstYear, long openingBalance, List<Entry> entries) {
    }

    public Fund(Content c, boolean invented) {
        this.invented = invented;
        revise(c);
    }

    /** Replaces the fund's fields and entries; answers whether the entries changed (the version then rises). */
    public final boolean revise(Content c) {
        this.name = c.name();
        this.purpose = c.purpose();
        this.firstYear = c.firstYear();
        this.openingBalance = c.openingBalance();
        List<Entry> now = entries.stream().map(e -> new Entry(e.getFiscalYear(), e.getKind(), e.getAmount(), e.getNote()))
                .toList();
        if (now.equals(c.entries())) {
            return false;
        }
        entries.clear();
        int seq = 0;
        for (Entry e : c.entries()) {
            entries.add(new FundEntry(this, ++seq, e.fiscalYear(), e.kind(), e.amount(), e.note()));
        }
        return true;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getPurpose() {
        return purpose;
    }

    public int getFirstYear() {
        return firstYear;
    }

    public long getOpeningBalance() {
        return openingBalance;
    }

    public boolean isInvented() {
        return invented;
    }

    public List<FundEntry> getEntries() {
        return List.copyOf(entries);
    }

    public long getVersion() {
        return version;
    }
}
