package jp.machi.engagement.hearing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import jp.machi.core.i18n.LocalizedText;

/** The 市民の声 section's first offer: send a voice (the form on the voices page) and read the published ones. */
@ApplicationScoped
public class VoiceHearingEntry implements HearingEntry {

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Offer> offers() {
        return List.of(new Offer("voice-form", LocalizedText.of("市へのご意見・ご要望を送る", "Send the city your opinion"),
                LocalizedText.of("市政へのご意見・ご提案・ご要望を、いつでもお送りいただけます。回答を希望することもできます。",
                        "Send your opinions, proposals and requests at any time; you may ask for an answer."),
                "engagement-published-voices", null, null, null));
    }
}
