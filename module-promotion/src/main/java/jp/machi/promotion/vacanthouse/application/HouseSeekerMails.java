package jp.machi.promotion.vacanthouse.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Map;
import jp.machi.core.mail.Mailer;
import jp.machi.promotion.PromotionModule;
import jp.machi.promotion.vacanthouse.domain.HouseSeeker;

/**
 * The receipt a house seeker gets by mail when they register on the portal (template
 * {@code mail/promotion/house-seeker-received}): the receipt number and what happens next, in the
 * language of the form, and nothing else they typed (a mistyped address must not carry their name,
 * phone or household to a stranger). Through core's outbox, so a refused request mails nothing.
 */
@ApplicationScoped
@Transactional
public class HouseSeekerMails {

    @Inject
    Mailer mailer;

    public void received(HouseSeeker s, Locale language) {
        mailer.queue(PromotionModule.class, PromotionModule.ID, "house-seeker-received", language, s.getEmail(),
                "promotion_house_seeker:" + s.getId(), Map.of("receiptNumber", s.getReceiptNumber()));
    }
}
