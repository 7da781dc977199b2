package jp.machi.promotion.prcontent.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.UUID;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.persistence.TenantOwned;
import jp.machi.promotion.prchannel.domain.PrChannel;

/**
 * 広報コンテンツ: one item a 広報 division published (an article of the bulletin, a page or post, a
 * programme, a press release) on one of the municipality's PR channels, on a day, optionally with the
 * organisational unit responsible for it. Its own aggregate: the channel's version does not move.
 */
@Entity
@Table(name = "promotion_pr_content")
public class PrContent extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "channel_id", nullable = false)
    private PrChannel channel;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "published_on", nullable = false)
    private LocalDate publishedOn;

    /** April–March, by the year it starts: the fiscal year of {@link #publishedOn} (filters and the metric are one column). */
    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    /** The responsible organisational unit (core's), if any. */
    @Column(name = "unit_id")
    private UUID unitId;

    @Column(name = "url", length = 500)
    private String url;

    @Column(name = "summary", length = 2000)
    private String summary;

    @Column(name = "note", length = 1000)
    private String note;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PrContent() {
    }

    /** The item as one edit. */
    public record Content(PrChannel channel, String title, LocalDate publishedOn, UUID unitId, String url, String summary, String note) {
    }

    public PrContent(Content c) {
        revise(c);
    }

    public final void revise(Content c) {
        this.channel = c.channel();
        this.title = c.title();
        this.publishedOn = c.publishedOn();
        this.fiscalYear = FiscalYear.containing(c.publishedOn()).startYear();
        this.unitId = c.unitId();
        this.url = c.url();
        this.summary = c.summary();
        this.note = c.note();
    }

    public UUID getId() {
        return id;
    }

    public PrChannel getChannel() {
        return channel;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getPublishedOn() {
        return publishedOn;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public UUID getUnitId() {
        return unitId;
    }

    public String getUrl() {
        return url;
    }

    public String getSummary() {
        return summary;
    }

    public String getNote() {
        return note;
    }

    public long getVersion() {
        return version;
    }
}
