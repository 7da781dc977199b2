package jp.machi.promotion.donation.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import jp.machi.core.module.SettingValidator;
import jp.machi.promotion.PromotionModule;

/** What the promotion module accepts as a municipality's settings beyond their declared types: percentages up to the law's ceilings. */
@ApplicationScoped
public class PromotionSettingRules implements SettingValidator {

    @Override
    public String moduleId() {
        return PromotionModule.ID;
    }

    @Override
    public Optional<Refusal> check(String key, String value) {
        if (PromotionModule.GIFT_RATIO_LIMIT.equals(key)) {
            return percent(value, 30);
        }
        if (PromotionModule.COST_LIMIT.equals(key)) {
            return percent(value, 50);
        }
        if (PromotionModule.COST_WARNING_MARGIN.equals(key)) {
            long points = Long.parseLong(value.strip());
            return points < 0 || points > 49 ? Optional.of(new Refusal("promotion.setting.margin", 0, 49)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** A municipality may hold itself to less than the law's ceiling (30 % for gifts, 50 % for costs), never to more. */
    private static Optional<Refusal> percent(String value, long ceiling) {
        long percent = Long.parseLong(value.strip());
        return percent < 1 || percent > ceiling ? Optional.of(new Refusal("promotion.setting.percent", 1, ceiling)) : Optional.empty();
    }
}
