package jp.machi.promotion.fanclub.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import jp.machi.core.mail.Mailer;
import jp.machi.promotion.PromotionModule;
import jp.machi.promotion.fanclub.domain.FanClubMember;
import jp.machi.promotion.fanclub.domain.FanClubNewsletter;

/**
 * The fan club's mail, through core's outbox (templates {@code mail/promotion/fan-club-*}), in the
 * language the member signed up in: the confirmation link, the welcome, "you are a member already",
 * the link to change one's details, the link confirming a new address (to that address), and
 * newsletters; the ones to members carry the leave link.
 */
@ApplicationScoped
@Transactional
public class FanClubMails {

    @Inject
    Mailer mailer;

    static String reference(FanClubMember m) {
        return "promotion_fan_club_member:" + m.getId();
    }

    static String reference(FanClubNewsletter n) {
        return "promotion_fan_club_newsletter:" + n.getId();
    }

    void confirmation(FanClubMember m, String confirmLink, Duration within) {
        send(m, "fan-club-confirm", Map.of("name", m.getName(), "link", confirmLink, "within", within(within, m),
                "receiptNumber", m.getReceiptNumber()));
    }

    void editLink(FanClubMember m, String editLink, String leaveLink, Duration within) {
        send(m, "fan-club-edit-link", Map.of("name", m.getName(), "link", editLink, "leave", leaveLink, "within", within(within, m)));
    }

    /** To the new address (not the member's current one): the link that makes it theirs. */
    void newEmail(FanClubMember m, String confirmLink, Duration within) {
        mailer.queue(PromotionModule.class, PromotionModule.ID, "fan-club-new-email", Locale.forLanguageTag(m.getLanguage()),
                m.getNewEmail(), reference(m), Map.of("name", m.getName(), "link", confirmLink, "within", within(within, m)));
    }

    /** A link's lifetime in words, in the member's language: 7日 / 7 days, 2時間 / 2 hours, 30分 / 30 minutes. */
    static String within(Duration d, FanClubMember m) {
        boolean en = "en".equals(m.getLanguage());
        long minutes = d.toMinutes();
        if (minutes % 1440 == 0) {
            long n = minutes / 1440;
            return en ? n + (n == 1 ? " day" : " days") : n + "日";
        }
        if (minutes % 60 == 0) {
            long n = minutes / 60;
            return en ? n + (n == 1 ? " hour" : " hours") : n + "時間";
        }
        return en ? minutes + (minutes == 1 ? " minute" : " minutes") : minutes + "分";
    }

    void welcome(FanClubMember m, String leaveLink) {
        send(m, "fan-club-welcome", Map.of("name", m.getName(), "leave", leaveLink));
    }

    void alreadyMember(FanClubMember m, String leaveLink) {
        send(m, "fan-club-already-member", Map.of("name", m.getName(), "leave", leaveLink));
    }

    void newsletter(FanClubMember m, FanClubNewsletter n, String leaveLink) {
        mailer.queue(PromotionModule.class, PromotionModule.ID, "fan-club-newsletter", Locale.forLanguageTag(m.getLanguage()),
                m.getEmail(), reference(n),
                Map.of("name", m.getName(), "subject", n.getSubject(), "body", n.getBody(), "leave", leaveLink));
    }

    private void send(FanClubMember m, String template, Map<String, String> values) {
        mailer.queue(PromotionModule.class, PromotionModule.ID, template, Locale.forLanguageTag(m.getLanguage()), m.getEmail(),
                reference(m), values);
    }
}
