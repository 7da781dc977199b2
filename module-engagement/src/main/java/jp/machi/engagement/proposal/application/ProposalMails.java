package jp.machi.engagement.proposal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import jp.machi.core.api.ApiException;
import jp.machi.core.mail.Mailer;
import jp.machi.engagement.EngagementModule;
import jp.machi.engagement.proposal.domain.CitizenProposal;

/**
 * The e-mail a proposer gets through core's outbox: the receipt when they gave an address, and the
 * approved answer when staff send it. Templates: {@code mail/engagement/proposal-receipt} and
 * {@code proposal-answer}.
 */
@ApplicationScoped
@Transactional
public class ProposalMails {

    @Inject
    Mailer mailer;

    @Inject
    ProposalService proposals;

    static String reference(CitizenProposal p) {
        return "engagement_proposal:" + p.getId();
    }

    public void receipt(CitizenProposal p, Locale locale) {
        if (p.getProposerEmail() == null) {
            return;
        }
        mailer.queue(EngagementModule.class, EngagementModule.ID, "proposal-receipt", locale, p.getProposerEmail(),
                reference(p), Map.of("receiptNumber", p.getReceiptNumber(),
                        "receivedOn", p.getReceivedAt().atZoneSameInstant(ProposalService.JAPAN).toLocalDate().toString(),
                        "title", p.getTitle()));
    }

    /** Queues the approved answer and records when; 409 without a final answer or an address. */
    public void answer(CitizenProposal p) {
        proposals.requireAnswerSendable(p);
        if (p.getProposerEmail() == null) {
            throw ApiException.conflict("no-email", "engagement.proposal.noEmail");
        }
        Locale l = mailer.languageOf(reference(p)).orElse(Locale.JAPANESE);
        mailer.queue(EngagementModule.class, EngagementModule.ID, "proposal-answer", l, p.getProposerEmail(), reference(p),
                Map.of("receiptNumber", p.getReceiptNumber(), "title", p.getTitle(), "answer", p.getAnswer(),
                        "status", p.getStatus().label().in(l)));
        p.answerEmailed(OffsetDateTime.now(ZoneOffset.UTC));
    }
}
