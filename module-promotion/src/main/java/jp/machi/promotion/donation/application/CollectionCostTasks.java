package jp.machi.promotion.donation.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.Role;
import jp.machi.core.module.TaskGroup;
import jp.machi.core.module.TaskItem;
import jp.machi.core.module.TaskSource;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.PromotionModule;

/**
 * Collection costs in 「あなたの対応待ち」 (ADR 0019): each designation year whose costs reach the
 * warning line (or are over the limit) against its donations, the highest share first, for staff.
 * The title is the period and the share: no personal data.
 */
@ApplicationScoped
public class CollectionCostTasks implements TaskSource {

    private static final LocalizedText LABEL = LocalizedText.of("募集費用が上限に近い (超えた) 指定対象期間",
            "Collection costs near (or over) the limit");

    @Inject
    Tenancy tenancy;

    @Inject
    CollectionCostService costs;

    @Override
    public String moduleId() {
        return PromotionModule.ID;
    }

    @Override
    public List<TaskGroup> waitingFor(Caller caller, int limit) {
        if (!caller.has(Role.STAFF)) {
            return List.of();
        }
        List<Object[]> years = tenancy.em().createQuery("SELECT y.id, y.designationYear FROM CollectionCostYear y", Object[].class)
                .getResultList();
        if (years.isEmpty()) {
            return List.of();
        }
        CollectionCostService.Lines lines = costs.lines();
        Map<Integer, CollectionCostService.Share> shares = costs.shares(years.stream().map(r -> (Integer) r[1]).toList(), lines);
        List<Object[]> flagged = new ArrayList<>();
        for (Object[] r : years) {
            CollectionCostService.Share s = shares.get((Integer) r[1]);
            if (s.standing() == CollectionCostService.Standing.WARNING || s.standing() == CollectionCostService.Standing.OVER
                    || s.standing() == CollectionCostService.Standing.NO_DONATIONS) {
                flagged.add(new Object[] {r[0], s});
            }
        }
        if (flagged.isEmpty()) {
            return List.of();
        }
        flagged.sort((a, b) -> {
            CollectionCostService.Share x = (CollectionCostService.Share) a[1];
            CollectionCostService.Share y = (CollectionCostService.Share) b[1];
            int c = Boolean.compare(y.standing() == CollectionCostService.Standing.OVER, x.standing() == CollectionCostService.Standing.OVER);
            return c != 0 ? c : Integer.compare(y.designationYear(), x.designationYear());
        });
        long over = flagged.stream().filter(f -> ((CollectionCostService.Share) f[1]).standing() != CollectionCostService.Standing.WARNING)
                .count();
        List<TaskItem> items = new ArrayList<>();
        for (Object[] f : flagged.subList(0, Math.min(limit, flagged.size()))) {
            CollectionCostService.Share s = (CollectionCostService.Share) f[1];
            String title = period(s.designationYear()) + ": " + (s.sharePercent() == null ? "—" : s.sharePercent().toPlainString() + " %")
                    + " / " + lines.limitPercent() + " %";
            items.add(new TaskItem("promotion-collection-cost", f[0].toString(), null, title, null, null,
                    s.standing() != CollectionCostService.Standing.WARNING, null,
                    PromotionModule.ID + "/promotion-collection-costs/" + (UUID) f[0]));
        }
        return List.of(new TaskGroup("collection-cost-share", LABEL, flagged.size(), over, items));
    }

    /** 2024-10〜2025-09. */
    static String period(int designationYear) {
        return designationYear + "-10〜" + (designationYear + 1) + "-09";
    }
}
