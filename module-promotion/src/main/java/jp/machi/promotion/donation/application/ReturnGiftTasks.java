package jp.machi.promotion.donation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import jp.machi.core.module.TaskGroup;
import jp.machi.core.module.TaskItem;
import jp.machi.core.module.TaskSource;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.PromotionModule;
import jp.machi.promotion.donation.domain.GiftRatio;

/**
 * Return gifts in 「あなたの対応待ち」: a gift still offered whose procurement cost is over the
 * municipality's limit against its donation amount. A gift is refused over the limit when it is saved,
 * so one appears here only after the administrator lowered the limit (a municipality may hold itself
 * to less than 30 %); staff raise its donation amount, lower its cost or stop offering it. Found in the
 * database (cost × 100 &gt; limit × amount, the rule of {@link GiftRatio}; native SQL naming the municipality), the
 * largest ratio first;
 * the title is the gift's name and ratio: no personal data.
 */
@ApplicationScoped
public class ReturnGiftTasks implements TaskSource {

    /** EclipseLink's QueryHints.ALLOW_NATIVE_SQL_QUERY: this statement names the municipality itself. */
    private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

    private static final LocalizedText LABEL = LocalizedText.of("返礼割合の上限を超えている返礼品",
            "Return gifts over the cost limit");

    @Inject
    Tenancy tenancy;

    @Inject
    ReturnGiftService gifts;

    @Override
    public String moduleId() {
        return PromotionModule.ID;
    }

    @Override
    public List<TaskGroup> waitingFor(Caller caller, int limit) {
        if (!caller.has(Role.STAFF)) {
            return List.of();
        }
        long percent = gifts.ratioLimitPercent();
        // Native SQL that names the municipality itself: in JPQL, EclipseLink prints a statement with arithmetic
        // unbound and writes the boolean as 1, which H2 refuses ("BOOLEAN and INTEGER are not comparable").
        String over = " FROM promotion_return_gift WHERE municipality_code = ?1 AND active = TRUE"
                + " AND procurement_cost * 100 > ?2 * donation_amount";
        long count = ((Number) tenancy.em().createNativeQuery("SELECT COUNT(*)" + over).setHint(NATIVE, true)
                .setParameter(1, tenancy.code()).setParameter(2, percent).getSingleResult()).longValue();
        if (count == 0) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = tenancy.em().createNativeQuery("SELECT id, name, procurement_cost, donation_amount" + over
                + " ORDER BY procurement_cost * 1000 / donation_amount DESC, name").setHint(NATIVE, true)
                .setParameter(1, tenancy.code()).setParameter(2, percent).setMaxResults(limit).getResultList();
        List<TaskItem> items = new ArrayList<>();
        for (Object[] r : rows) {
            String ratio = GiftRatio.percentText(((Number) r[2]).longValue(), ((Number) r[3]).longValue());
            items.add(new TaskItem("promotion-return-gift", r[0].toString(), null, r[1] + ": " + ratio + " % / " + percent + " %", null,
                    null, true, null, PromotionModule.ID + "/promotion-return-gifts/" + r[0]));
        }
        return List.of(new TaskGroup("return-gift-over-limit", LABEL, count, count, items));
    }
}
