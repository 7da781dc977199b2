package jp.machi.collaboration.grant.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Map;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.grant.domain.GrantApplication;
import jp.machi.collaboration.grant.domain.GrantApplicationState;
import jp.machi.collaboration.grant.domain.GrantCall;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.mail.Mailer;

/**
 * The grants' mail, through core's outbox (templates {@code mail/collaboration/grant-*}), in Japanese, to
 * the contact address the organisation registered: the one-time application link, the receipt of an
 * application and the decision. Nothing is sent to an organisation without a contact address.
 */
@ApplicationScoped
@Transactional
public class GrantMails {

    @Inject
    Mailer mailer;

    static String reference(GrantApplication a) {
        return "collaboration_grant_application:" + a.getId();
    }

    void link(String to, String organisation, GrantCall call, String link, long hours, String receiptNumber, String linkId) {
        mailer.queue(CollaborationModule.class, CollaborationModule.ID, "grant-link", Locale.JAPANESE, to,
                "collaboration_grant_link:" + linkId, Map.of("organisation", organisation, "call", call.getTitle(),
                        "fiscalYear", FiscalYear.of(call.getFiscalYear()).japaneseLabel(), "link", link,
                        "hours", String.valueOf(hours), "closesOn", call.getSchedule().submissionClosesOn().toString(),
                        "receiptNumber", receiptNumber));
    }

    void received(String to, GrantApplication a, GrantCall call) {
        if (to == null) {
            return;
        }
        mailer.queue(CollaborationModule.class, CollaborationModule.ID, "grant-received", Locale.JAPANESE, to,
                reference(a), Map.of("organisation", a.getApplicantName(), "call", call.getTitle(),
                        "project", a.getProjectTitle(), "requested", String.format("%,d", a.getRequestedAmount()),
                        "receiptNumber", a.getReceiptNumber() == null ? "—" : a.getReceiptNumber(),
                        "receivedOn", a.getReceivedOn().toString()));
    }

    void decided(String to, GrantApplication a, GrantCall call) {
        if (to == null) {
            return;
        }
        boolean adopted = a.getState() == GrantApplicationState.ADOPTED;
        mailer.queue(CollaborationModule.class, CollaborationModule.ID, adopted ? "grant-adopted" : "grant-rejected",
                Locale.JAPANESE, to, reference(a), Map.of("organisation", a.getApplicantName(), "call", call.getTitle(),
                        "project", a.getProjectTitle(),
                        "granted", a.getGrantedAmount() == null ? "" : String.format("%,d", a.getGrantedAmount()),
                        "reason", a.getDecisionReason() == null ? "" : a.getDecisionReason(),
                        "receiptNumber", a.getReceiptNumber() == null ? "—" : a.getReceiptNumber()));
    }
}
