package jp.machi.promotion.donation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import jp.machi.core.api.ApiException;
import jp.machi.core.api.Sort;
import jp.machi.core.module.ModuleSettings;
import jp.machi.core.persistence.ListQuery;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.PromotionModule;
import jp.machi.promotion.donation.domain.GiftRatio;
import jp.machi.promotion.donation.domain.LocalProductGround;
import jp.machi.promotion.donation.domain.ReturnGift;

/** 返礼品: the return gifts of the municipality a request or transaction is about, under the 30 % rule. */
@ApplicationScoped
@Transactional
public class ReturnGiftService {

    @Inject
    Tenancy tenancy;

    @Inject
    ModuleSettings settings;

    /** The fields a list of gifts may be sorted by ({@code ?sort=}); by name by default. */
    public static final Sort.Fields SORT = Sort.Fields.of()
            .field("name", "g.name")
            .field("supplier", "g.supplier")
            .field("donationAmount", "g.donationAmount")
            .field("procurementCost", "g.procurementCost")
            .field("shippingCost", "g.shippingCost")
            .field("ground", "g.ground")
            .byDefault("name");

    /** The gifts, filtered by offered now, ground and a text in name or supplier, as a query run in the database. */
    public ListQuery<ReturnGift> list(Boolean active, LocalProductGround ground, String q, Sort sort) {
        return ListQuery.of(tenancy.em(), ReturnGift.class, "g")
                .when(active != null, "g.active = :active", "active", active)
                .when(ground != null, "g.ground = :ground", "ground", ground)
                .contains("q", q, "g.name", "g.supplier")
                .orderBy(sort);
    }

    public ReturnGift require(UUID id) {
        ReturnGift g = tenancy.em().find(ReturnGift.class, id);
        if (g == null) {
            throw ApiException.notFound("promotion.gift.notFound", id.toString());
        }
        return g;
    }

    /** The municipality's limit on a gift's cost against its donation amount, in % (30 unless its administrator set another). */
    public long ratioLimitPercent() {
        return settings.integer(tenancy.code(), PromotionModule.ID, PromotionModule.GIFT_RATIO_LIMIT);
    }

    public ReturnGift create(ReturnGift.Content c) {
        check(c);
        ReturnGift g = new ReturnGift(c);
        tenancy.em().persist(g);
        tenancy.em().flush();
        return g;
    }

    public ReturnGift revise(ReturnGift g, ReturnGift.Content c) {
        check(c);
        g.revise(c);
        tenancy.em().flush();
        return g;
    }

    /** Only while no donation chose it: the donations keep what was chosen (409 otherwise; set it inactive instead). */
    public void delete(ReturnGift g) {
        long n = tenancy.em().createQuery("SELECT COUNT(x) FROM Donation x WHERE x.returnGiftId = :id", Long.class)
                .setParameter("id", g.getId()).getSingleResult();
        if (n > 0) {
            throw ApiException.conflict("in-use", "promotion.gift.inUse", String.valueOf(n));
        }
        tenancy.em().remove(g);
        tenancy.em().flush();
    }

    /** The 30 % rule: a gift costing more than the limit of its donation amount is refused, naming the figures. */
    private void check(ReturnGift.Content c) {
        long limit = ratioLimitPercent();
        if (!GiftRatio.withinLimit(c.procurementCost(), c.donationAmount(), limit)) {
            throw new ApiException(400, "return-gift-ratio", List.of(new ApiException.FieldErrorKey("procurementCost",
                    "promotion.gift.ratio", yen(c.procurementCost()), yen(c.donationAmount()),
                    GiftRatio.percentText(c.procurementCost(), c.donationAmount()), String.valueOf(limit),
                    yen(GiftRatio.maximumCost(c.donationAmount(), limit)))),
                    "promotion.gift.ratio.detail", String.valueOf(limit));
        }
    }

    /** 12,345: yen with thousands separators, as text so that messages never format it as a decimal. */
    static String yen(long amount) {
        return String.format(java.util.Locale.ROOT, "%,d", amount);
    }
}
