package jp.machi.promotion.prchannel.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.persistence.TenantOwned;

/**
 * One month's figures of a PR channel (a child row: changing it raises the channel's version).
 * Flows (issues, pages updated, page views, releases) add up over a year; followers is a stock (the
 * count at the month's end). A figure not kept for the channel stays null.
 */
@Entity
@Table(name = "promotion_pr_channel_month")
public class PrChannelMonth extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "channel_id", nullable = false)
    private PrChannel channel;

    /** The first day of the month. */
    @Column(name = "month_start", nullable = false)
    private LocalDate monthStart;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "issues")
    private Integer issues;

    @Column(name = "pages_updated")
    private Integer pagesUpdated;

    @Column(name = "page_views")
    private Long pageViews;

    @Column(name = "followers")
    private Integer followers;

    @Column(name = "releases")
    private Integer releases;

    protected PrChannelMonth() {
    }

    PrChannelMonth(PrChannel channel, PrChannel.Month m) {
        this.channel = channel;
        revise(m);
    }

    final void revise(PrChannel.Month m) {
        this.monthStart = m.monthStart();
        this.fiscalYear = FiscalYear.containing(m.monthStart()).startYear();
        this.issues = m.issues();
        this.pagesUpdated = m.pagesUpdated();
        this.pageViews = m.pageViews();
        this.followers = m.followers();
        this.releases = m.releases();
    }

    boolean same(PrChannel.Month m) {
        return monthStart.equals(m.monthStart()) && Objects.equals(issues, m.issues()) && Objects.equals(pagesUpdated, m.pagesUpdated())
                && Objects.equals(pageViews, m.pageViews()) && Objects.equals(followers, m.followers())
                && Objects.equals(releases, m.releases());
    }

    public UUID getId() {
        return id;
    }

    public LocalDate getMonthStart() {
        return monthStart;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public Integer getIssues() {
        return issues;
    }

    public Integer getPagesUpdated() {
        return pagesUpdated;
    }

    public Long getPageViews() {
        return pageViews;
    }

    public Integer getFollowers() {
        return followers;
    }

    public Integer getReleases() {
        return releases;
    }
}
