package jp.machi.engagement.voice.application;

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
import jp.machi.engagement.voice.domain.CitizenVoice;

/**
 * The e-mail a citizen voice's sender gets, through core's outbox: the receipt when they gave an
 * address (in the language they wrote in), and the answer when staff send it (in the language of
 * the receipt). Templates: {@code mail/engagement/voice-receipt} and {@code voice-answer}.
 */
@ApplicationScoped
@Transactional
public class VoiceMails {

    @Inject
    Mailer mailer;

    @Inject
    VoiceService voices;

    static String reference(CitizenVoice v) {
        return "engagement_voice:" + v.getId();
    }

    /** Queues the receipt if the sender gave an e-mail address; nothing otherwise. */
    public void receipt(CitizenVoice v, Locale locale) {
        if (v.getSenderEmail() == null) {
            return;
        }
        mailer.queue(EngagementModule.class, EngagementModule.ID, "voice-receipt", locale, v.getSenderEmail(),
                reference(v), Map.of("receiptNumber", v.getReceiptNumber(),
                        "receivedOn", v.getReceivedAt().atZoneSameInstant(VoiceService.JAPAN).toLocalDate().toString(),
                        "subject", v.getSubject()));
    }

    /**
     * Queues the answer to the sender and records when; 409 when the answer is not final or there
     * is no address.
     */
    public void answer(CitizenVoice v) {
        voices.requireAnswerSendable(v);
        if (v.getSenderEmail() == null) {
            throw ApiException.conflict("no-email", "engagement.voice.noEmail");
        }
        Locale l = mailer.languageOf(reference(v)).orElse(Locale.JAPANESE);
        mailer.queue(EngagementModule.class, EngagementModule.ID, "voice-answer", l, v.getSenderEmail(), reference(v),
                Map.of("receiptNumber", v.getReceiptNumber(), "subject", v.getSubject(), "answer", v.getAnswer()));
        v.answerEmailed(OffsetDateTime.now(ZoneOffset.UTC));
    }
}
