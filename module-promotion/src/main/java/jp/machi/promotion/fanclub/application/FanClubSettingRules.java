package jp.machi.promotion.fanclub.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import jp.machi.core.module.SettingValidator;
import jp.machi.promotion.PromotionModule;

/**
 * The portal address fan club mail links to: blank, or an http(s) address without query, at most
 * 200 characters; a link's lifetime 1–43,200 minutes (30 days); a newsletter batch 1–10,000 mails.
 */
@ApplicationScoped
public class FanClubSettingRules implements SettingValidator {

    @Override
    public String moduleId() {
        return PromotionModule.ID;
    }

    @Override
    public Optional<Refusal> check(String key, String value) {
        if (PromotionModule.FAN_CLUB_PORTAL_URL.equals(key)) {
            String v = value.strip();
            boolean ok = v.isEmpty() || (v.length() <= 200 && v.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?(/[A-Za-z0-9._~/-]*)?"));
            return ok ? Optional.empty() : Optional.of(new Refusal("promotion.setting.portalUrl", 200));
        }
        if (PromotionModule.FAN_CLUB_LINK_MINUTES.equals(key)) {
            long n = Long.parseLong(value.strip());
            return n < 1 || n > 43_200 ? Optional.of(new Refusal("promotion.setting.linkMinutes", 1, 43_200)) : Optional.empty();
        }
        if (PromotionModule.FAN_CLUB_NEWSLETTER_BATCH.equals(key)) {
            long n = Long.parseLong(value.strip());
            return n < 1 || n > 10_000 ? Optional.of(new Refusal("promotion.setting.batchSize", 1, 10_000)) : Optional.empty();
        }
        return Optional.empty();
    }
}
