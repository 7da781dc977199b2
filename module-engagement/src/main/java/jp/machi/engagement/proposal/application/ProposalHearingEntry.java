package jp.machi.engagement.proposal.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.engagement.hearing.HearingEntry;

/** The 市民の声 section's offer of the proposal system: send a proposal and read the answered ones. */
@ApplicationScoped
public class ProposalHearingEntry implements HearingEntry {

    @Override
    public int order() {
        return 15;
    }

    @Override
    public List<Offer> offers() {
        return List.of(new Offer("proposal-form", LocalizedText.of("まちづくりの提言を送る", "Send a proposal for the town"),
                LocalizedText.of("まちづくりへのアイデアや提言をお寄せください。市の回答と検討の結果を公開しています。",
                        "Send your ideas and proposals for the town; the city's answers and what came of them are published."),
                "engagement-published-proposals", null, null, null));
    }
}
