package jp.machi.engagement.meeting.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.engagement.hearing.HearingEntry;

/** The 市民の声 section's offer of the town meetings: their reports with the opinions and the city's responses. */
@ApplicationScoped
public class MeetingHearingEntry implements HearingEntry {

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<Offer> offers() {
        return List.of(new Offer("meeting-reports", LocalizedText.of("タウンミーティングの報告を見る", "Read the town meeting reports"),
                LocalizedText.of("市長と市民の懇談会で出されたご意見と、それに対する市の対応を公開しています。",
                        "The opinions raised at meetings with the mayor and the city's responses to them."),
                "engagement-published-meetings", null, null, null));
    }
}
