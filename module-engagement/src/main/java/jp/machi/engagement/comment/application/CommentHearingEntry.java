package jp.machi.engagement.comment.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import jp.machi.core.api.Sort;
import jp.machi.core.i18n.LocalizedText;
import jp.machi.engagement.comment.domain.Phase;
import jp.machi.engagement.hearing.HearingEntry;

/** The 市民の声 section's public comment offers: those open now (with their count) and published results. */
@ApplicationScoped
public class CommentHearingEntry implements HearingEntry {

    @Inject
    CommentService comments;

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<Offer> offers() {
        Sort none = CommentService.SORT.parse(null);
        long open = comments.list(Phase.OPEN, null, none).count();
        long results = comments.list(Phase.RESULTS_PUBLISHED, null, none).count();
        return List.of(
                new Offer("public-comments-open", LocalizedText.of("意見募集中のパブリックコメント", "Open public comments"),
                        LocalizedText.of("市の計画や条例の案について、決める前にご意見を募集しています。",
                                "Drafts of the city's plans and ordinances, open for your opinions before they are decided."),
                        "engagement-public-comments", null, open, LocalizedText.of(open + " 件募集中", open + " open")),
                new Offer("public-comments-results", LocalizedText.of("パブリックコメントの結果", "Public comment results"),
                        LocalizedText.of("寄せられたご意見と、それに対する市の考え方を公表しています。",
                                "The opinions received and the city's consideration of them."),
                        "engagement-public-comments", "results", results,
                        LocalizedText.of(results + " 件公表", results + " published")));
    }
}
