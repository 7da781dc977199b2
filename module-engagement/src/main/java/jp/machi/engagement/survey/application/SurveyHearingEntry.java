package jp.machi.engagement.survey.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.engagement.hearing.HearingEntry;

/** The 市民の声 section's survey offers: surveys open for answers now (with their count) and published results. */
@ApplicationScoped
public class SurveyHearingEntry implements HearingEntry {

    @Inject
    SurveyService surveys;

    @Override
    public int order() {
        return 25;
    }

    @Override
    public List<Offer> offers() {
        var none = SurveyService.SORT.parse(null);
        long open = surveys.open(none).count();
        long results = surveys.published(none).count();
        return List.of(
                new Offer("surveys-open", LocalizedText.of("回答受付中のアンケート", "Surveys open for answers"),
                        LocalizedText.of("市政についてのアンケートにご協力ください。回答は匿名です。",
                                "Tell the city what you think in its surveys; answers are anonymous."),
                        "engagement-surveys", null, open, LocalizedText.of(open + " 件受付中", open + " open")),
                new Offer("surveys-results", LocalizedText.of("アンケートの結果", "Survey results"),
                        LocalizedText.of("市が実施したアンケートの集計結果を公表しています。",
                                "The results of the city's surveys."),
                        "engagement-surveys", "results", results, LocalizedText.of(results + " 件公表", results + " published")));
    }
}
