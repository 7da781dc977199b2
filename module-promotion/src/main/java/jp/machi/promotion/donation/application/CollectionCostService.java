package jp.machi.promotion.donation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.module.ModuleSettings;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.PromotionModule;
import jp.machi.promotion.donation.domain.CollectionCostYear;

/**
 * 募集に要した費用: the costs of collecting donations per designation year, and their share of that
 * year's donations (summed in the database when asked, never stored) against the municipality's
 * limit ({@code collectionCostLimitPercent}, the law's 50 % at most) with a warning line below it
 * ({@code collectionCostWarningMarginPercent} points). Nothing is refused for being over: the
 * figure is the municipality's to explain, so the console, the API and the task list say it clearly.
 */
@ApplicationScoped
@Transactional
public class CollectionCostService {

    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("designationYear", "y.designationYear")
            .byDefault("-designationYear");

    @Inject
    Tenancy tenancy;

    @Inject
    ModuleSettings settings;

    public ListQuery<CollectionCostYear> list(Integer from, Integer to, Sort sort) {
        return ListQuery.of(tenancy.em(), CollectionCostYear.class, "y")
                .when(from != null, "y.designationYear >= :from", "from", from)
                .when(to != null, "y.designationYear <= :to", "to", to)
                .orderBy(sort);
    }

    public CollectionCostYear require(UUID id) {
        CollectionCostYear y = tenancy.em().find(CollectionCostYear.class, id);
        if (y == null) {
            throw ApiException.notFound("promotion.cost.notFound", id.toString());
        }
        return y;
    }

    public CollectionCostYear create(CollectionCostYear.Content c) {
        unique(c.designationYear(), null);
        CollectionCostYear y = new CollectionCostYear(c);
        tenancy.em().persist(y);
        tenancy.em().flush();
        return y;
    }

    public CollectionCostYear revise(CollectionCostYear y, CollectionCostYear.Content c) {
        unique(c.designationYear(), y.getId());
        y.revise(c);
        tenancy.em().flush();
        return y;
    }

    public void delete(CollectionCostYear y) {
        tenancy.em().remove(y);
        tenancy.em().flush();
    }

    private void unique(int designationYear, UUID self) {
        boolean taken = tenancy.em().createQuery("SELECT y.id FROM CollectionCostYear y WHERE y.designationYear = :y", UUID.class)
                .setParameter("y", designationYear).getResultList().stream().anyMatch(id -> !id.equals(self));
        if (taken) {
            throw ApiException.conflict("duplicate", "promotion.cost.exists", String.valueOf(designationYear));
        }
    }

    /** The categories the municipality lists (setting {@value PromotionModule#COST_CATEGORIES}). */
    public List<String> categories() {
        return settings.list(tenancy.code(), PromotionModule.ID, PromotionModule.COST_CATEGORIES);
    }

    /** The limit in % (the law's 50 at most) and the warning line in % (the limit less the margin). */
    public record Lines(int limitPercent, int warningPercent) {
    }

    public Lines lines() {
        long limit = settings.integer(tenancy.code(), PromotionModule.ID, PromotionModule.COST_LIMIT);
        long margin = settings.integer(tenancy.code(), PromotionModule.ID, PromotionModule.COST_WARNING_MARGIN);
        return new Lines((int) limit, (int) Math.max(0, limit - margin));
    }

    /** Where a year's share stands: below the warning line, at or above it, or over the limit. */
    public enum Standing { OK, WARNING, OVER, NO_DONATIONS }

    /** A designation year's donations and costs, summed in the database, and the share of costs in % (one decimal, rounded up). */
    public record Share(int designationYear, long donationAmount, long donationCount, long costTotal, BigDecimal sharePercent,
            Standing standing) {
    }

    /** The donations of each year (amount, count), one query. */
    public Map<Integer, long[]> donations(Collection<Integer> years) {
        Map<Integer, long[]> out = new HashMap<>();
        if (years.isEmpty()) {
            return out;
        }
        for (Object[] r : tenancy.em().createQuery("SELECT x.designationYear, COALESCE(SUM(x.amount), 0), COUNT(x) FROM Donation x"
                + " WHERE x.designationYear IN :ys GROUP BY x.designationYear", Object[].class).setParameter("ys", years).getResultList()) {
            out.put(((Number) r[0]).intValue(), new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
        }
        return out;
    }

    /** The cost totals of each year, one query. */
    public Map<Integer, Long> costs(Collection<Integer> years) {
        Map<Integer, Long> out = new HashMap<>();
        if (years.isEmpty()) {
            return out;
        }
        for (Object[] r : tenancy.em().createQuery("SELECT l.year.designationYear, COALESCE(SUM(l.amount), 0) FROM CollectionCostLine l"
                + " WHERE l.year.designationYear IN :ys GROUP BY l.year.designationYear", Object[].class).setParameter("ys", years)
                .getResultList()) {
            out.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue());
        }
        return out;
    }

    public Share share(int year) {
        return shares(List.of(year), lines()).get(year);
    }

    /** The shares of several years, two queries in all. */
    public Map<Integer, Share> shares(Collection<Integer> years, Lines lines) {
        Map<Integer, long[]> d = donations(years);
        Map<Integer, Long> c = costs(years);
        Map<Integer, Share> out = new HashMap<>();
        for (Integer y : years) {
            long[] dy = d.getOrDefault(y, new long[] {0, 0});
            out.put(y, share(y, dy[0], dy[1], c.getOrDefault(y, 0L), lines));
        }
        return out;
    }

    /**
     * The share of costs against donations in %, to one decimal, rounded up (so that 45.01 % shows as
     * 45.1 % and never looks under a line it is over); the standing compares the exact fraction.
     */
    public static Share share(int year, long donations, long count, long costs, Lines lines) {
        if (donations <= 0) {
            return new Share(year, donations, count, costs, null, costs > 0 ? Standing.NO_DONATIONS : Standing.OK);
        }
        BigDecimal exact = BigDecimal.valueOf(costs).multiply(BigDecimal.valueOf(100));
        BigDecimal percent = exact.divide(BigDecimal.valueOf(donations), 1, RoundingMode.CEILING);
        Standing s;
        // costs/donations > limit/100  ⇔  costs*100 > limit*donations (exact, in whole numbers)
        BigDecimal d = BigDecimal.valueOf(donations);
        if (exact.compareTo(d.multiply(BigDecimal.valueOf(lines.limitPercent()))) > 0) {
            s = Standing.OVER;
        } else if (exact.compareTo(d.multiply(BigDecimal.valueOf(lines.warningPercent()))) >= 0) {
            s = Standing.WARNING;
        } else {
            s = Standing.OK;
        }
        return new Share(year, donations, count, costs, percent, s);
    }
}
