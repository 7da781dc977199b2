package jp.machi.promotion.prchannel.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * 広報媒体: one channel the municipality speaks through (広報紙, the website, each SNS account, cable
 * TV, data broadcasting, press releases) with its monthly figures as child rows: changing a month
 * raises the channel's version, so nobody overwrites a colleague's figures unknowingly.
 */
@Entity
@Table(name = "promotion_pr_channel")
public class PrChannel extends jp.machi.core.persistence.TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private ChannelKind kind;

    /** The account or address (an SNS handle, a URL), if any. */
    @Column(name = "account", length = 200)
    private String account;

    @Column(name = "note", length = 1000)
    private String note;

    @OneToMany(mappedBy = "channel", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("monthStart")
    private List<PrChannelMonth> months = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PrChannel() {
    }

    /** One month's figures as one edit ({@code monthStart}: the first day of the month). */
    public record Month(LocalDate monthStart, Integer issues, Integer pagesUpdated, Long pageViews, Integer followers, Integer releases) {
    }

    /** The channel as one edit: every month it has figures for (a month left out is removed). */
    public record Content(String name, ChannelKind kind, String account, String note, List<Month> months) {
    }

    public PrChannel(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.name = c.name();
        this.kind = c.kind();
        this.account = c.account();
        this.note = c.note();
        List<Month> wanted = new ArrayList<>(c.months() == null ? List.of() : c.months());
        wanted.sort(Comparator.comparing(Month::monthStart));
        // Keep the rows that stay the same (no churn in the audit trail), revise or replace the rest.
        int i = 0;
        for (; i < wanted.size() && i < months.size(); i++) {
            if (!months.get(i).same(wanted.get(i))) {
                months.get(i).revise(wanted.get(i));
            }
        }
        while (months.size() > wanted.size()) {
            months.remove(months.size() - 1);
        }
        for (; i < wanted.size(); i++) {
            months.add(new PrChannelMonth(this, wanted.get(i)));
        }
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public ChannelKind getKind() {
        return kind;
    }

    public String getAccount() {
        return account;
    }

    public String getNote() {
        return note;
    }

    public List<PrChannelMonth> getMonths() {
        return months;
    }

    public long getVersion() {
        return version;
    }
}
