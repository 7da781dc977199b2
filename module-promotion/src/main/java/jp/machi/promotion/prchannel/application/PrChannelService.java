package jp.machi.promotion.prchannel.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.prchannel.domain.ChannelKind;
import jp.machi.promotion.prchannel.domain.PrChannel;

/** 広報: the PR channels of the municipality a request is about, their monthly figures and yearly totals (summed in the database). */
@ApplicationScoped
@Transactional
public class PrChannelService {

    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("name", "c.name")
            .field("kind", "c.kind")
            .byDefault("kind");

    @Inject
    Tenancy tenancy;

    public ListQuery<PrChannel> channels(ChannelKind kind, Sort sort) {
        return ListQuery.of(tenancy.em(), PrChannel.class, "c").when(kind != null, "c.kind = :kind", "kind", kind).orderBy(sort);
    }

    public PrChannel channel(UUID id) {
        PrChannel c = tenancy.em().find(PrChannel.class, id);
        if (c == null) {
            throw ApiException.notFound("promotion.prChannel.notFound", id.toString());
        }
        return c;
    }

    public PrChannel create(PrChannel.Content c) {
        PrChannel x = new PrChannel(c);
        tenancy.em().persist(x);
        tenancy.em().flush();
        return x;
    }

    public PrChannel revise(PrChannel x, PrChannel.Content c) {
        x.revise(c);
        tenancy.em().flush();
        return x;
    }

    /** Deletes a channel with its figures; one that has content items (広報コンテンツ) is kept (409 in-use, with their count). */
    public void delete(PrChannel x) {
        long items = tenancy.em().createQuery("SELECT COUNT(p) FROM PrContent p WHERE p.channel = :c", Long.class)
                .setParameter("c", x).getSingleResult();
        if (items > 0) {
            throw ApiException.conflict("in-use", "promotion.prChannel.inUse", String.valueOf(items));
        }
        tenancy.em().remove(x);
        tenancy.em().flush();
    }

    /** A year's figures of one channel (or, with {@code channelId} null, of every channel of {@code kind}). */
    public record YearTotals(int months, Long issues, Long pagesUpdated, Long pageViews, Long releases, Long followers) {
    }

    /**
     * Sums the flows (issues, pages updated, page views, releases) of a fiscal year in the database;
     * followers is a stock: each channel's figure of its last month with one in the year, added over
     * the channels.
     */
    public YearTotals totals(UUID channelId, ChannelKind kind, int fiscalYear) {
        String where = channelId != null ? "m.channel.id = :c" : "m.channel.kind = :k";
        var q = tenancy.em().createQuery("SELECT COUNT(m), SUM(m.issues), SUM(m.pagesUpdated), SUM(m.pageViews), SUM(m.releases)"
                + " FROM PrChannelMonth m WHERE m.fiscalYear = :fy AND " + where, Object[].class).setParameter("fy", fiscalYear);
        var f = tenancy.em().createQuery("SELECT SUM(m.followers) FROM PrChannelMonth m WHERE m.fiscalYear = :fy AND " + where
                + " AND m.followers IS NOT NULL AND m.monthStart = (SELECT MAX(n.monthStart) FROM PrChannelMonth n"
                + " WHERE n.channel = m.channel AND n.fiscalYear = :fy AND n.followers IS NOT NULL)", Number.class)
                .setParameter("fy", fiscalYear);
        if (channelId != null) {
            q.setParameter("c", channelId);
            f.setParameter("c", channelId);
        } else {
            q.setParameter("k", kind);
            f.setParameter("k", kind);
        }
        Object[] r = q.getSingleResult();
        Number followers = f.getSingleResult();
        return new YearTotals(((Number) r[0]).intValue(), longOrNull(r[1]), longOrNull(r[2]), longOrNull(r[3]), longOrNull(r[4]),
                longOrNull(followers));
    }

    /** The fiscal years a channel has figures for, newest first. */
    public List<Integer> years(UUID channelId) {
        return tenancy.em().createQuery("SELECT DISTINCT m.fiscalYear FROM PrChannelMonth m WHERE m.channel.id = :c"
                + " ORDER BY m.fiscalYear DESC", Integer.class).setParameter("c", channelId).getResultList();
    }

    public static LocalDate firstOfMonth(LocalDate d) {
        return d.withDayOfMonth(1);
    }

    private static Long longOrNull(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }
}
