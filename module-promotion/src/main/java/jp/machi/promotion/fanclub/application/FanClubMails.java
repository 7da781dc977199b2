package jp.machi.promotion.fanclub.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Map;
import jp.machi.core.mail.Mailer;
import jp.machi.promotion.PromotionModule;
import jp.machi.promotion.fanclub.domain.FanClubMember;
import jp.machi.promotion.fanclub.domain.FanClubNewsletter;

/**
 * The fan club's mail, through core's outbox (templates {@code mail/promotion/fan-club-*}), in the
 * language the member signed up in: the confirmation link, the welcome, "you are a member already",
 * and newsletters; every one carries the leave link (the confirmation one: "not you? leave").
 */
@ApplicationScoped
@Transactional
public class FanClubMails {

    @Inject
    Mailer mailer;

    static String reference(FanClubMember m) {
        return "promotion_fan_club_member:" + m.getId();
    }

    void confirmation(FanClubMember m, String confirmLink) {
        send(m, "fan-club-confirm", Map.of("name", m.getName(), "link", confirmLink, "days",
                String.valueOf(FanClubService.CONFIRM_WITHIN.toDays()), "receiptNumber", m.getReceiptNumber()));
    }

    void welcome(FanClubMember m, String leaveLink) {
        send(m, "fan-club-welcome", Map.of("name", m.getName(), "leave", leaveLink));
    }

    void alreadyMember(FanClubMember m, String leaveLink) {
        send(m, "fan-club-already-member", Map.of("name", m.getName(), "leave", leaveLink));
    }

    void newsletter(FanClubMember m, FanClubNewsletter n, String leaveLink) {
        mailer.queue(PromotionModule.class, PromotionModule.ID, "fan-club-newsletter", Locale.forLanguageTag(m.getLanguage()),
                m.getEmail(), "promotion_fan_club_newsletter:" + n.getId(),
                Map.of("name", m.getName(), "subject", n.getSubject(), "body", n.getBody(), "leave", leaveLink));
    }

    private void send(FanClubMember m, String template, Map<String, String> values) {
        mailer.queue(PromotionModule.class, PromotionModule.ID, template, Locale.forLanguageTag(m.getLanguage()), m.getEmail(),
                reference(m), values);
    }
}
