package jp.machi.promotion.vacanthouse.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import jp.machi.core.module.SettingValidator;
import jp.machi.promotion.PromotionModule;

/** The vacant-house bank's registration period: 1 to 10 years. */
@ApplicationScoped
public class VacantHouseSettingRules implements SettingValidator {

    @Override
    public String moduleId() {
        return PromotionModule.ID;
    }

    @Override
    public Optional<Refusal> check(String key, String value) {
        if (PromotionModule.VACANT_HOUSE_YEARS.equals(key)) {
            long years = Long.parseLong(value.strip());
            return years < 1 || years > 10 ? Optional.of(new Refusal("promotion.setting.years", 1, 10)) : Optional.empty();
        }
        return Optional.empty();
    }
}
