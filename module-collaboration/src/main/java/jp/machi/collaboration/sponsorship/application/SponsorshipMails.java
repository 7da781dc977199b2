package jp.machi.collaboration.sponsorship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Map;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.sponsorship.domain.Sponsorship;
import jp.machi.collaboration.sponsorship.domain.SponsorshipState;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.mail.Mailer;

/**
 * The decision on a sponsorship application, to the organiser's contact address through core's
 * outbox (templates {@code mail/collaboration/sponsorship-approved} and {@code sponsorship-refused}),
 * in the language of the application. Nothing when no address was given (the notice is printed).
 */
@ApplicationScoped
@Transactional
public class SponsorshipMails {

    @Inject
    Mailer mailer;

    public static String reference(Sponsorship s) {
        return "collaboration_sponsorship:" + s.getId();
    }

    public void decision(Sponsorship s) {
        if (s.getContactEmail() == null) {
            return;
        }
        Locale l = mailer.languageOf(reference(s)).orElse(Locale.JAPANESE);
        boolean approved = s.getState() == SponsorshipState.APPROVED;
        mailer.queue(CollaborationModule.class, CollaborationModule.ID,
                approved ? "sponsorship-approved" : "sponsorship-refused", l, s.getContactEmail(), reference(s),
                Map.of("receiptNumber", s.getReceiptNumber(), "eventName", s.getEventName(),
                        "organiserName", s.getOrganiserName(),
                        "dates", s.getStartsOn() + (s.getEndsOn().equals(s.getStartsOn()) ? "" : " – " + s.getEndsOn()),
                        "fiscalYear", FiscalYear.of(s.getFiscalYear()).label(l),
                        "reason", s.getDecisionReason() == null ? "" : s.getDecisionReason()));
    }
}
