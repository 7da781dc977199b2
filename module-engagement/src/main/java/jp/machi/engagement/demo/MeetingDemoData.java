package jp.machi.engagement.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.logging.Logger;
import jp.machi.core.demo.DemoDataLoaded;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.meeting.application.MeetingService;
import jp.machi.engagement.meeting.domain.MeetingKind;
import jp.machi.engagement.meeting.domain.MeetingStatus;
import jp.machi.engagement.meeting.domain.TownMeeting;

/**
 * つくば市's town meetings of FY2020 as seed 000 (#9, 市長と住民の意見交換会事業, 広聴室) gives them: the district
 * town meetings (市内6地区) were not held, 「新型コロナのリスクを考慮して」, a video of the mayor answering
 * residents' frequent COVID-19 questions being put on YouTube instead (July); the student dialogue
 * (学生懇談会, with 筑波大学) was held on 19 February 2021, online, as a trial to find the problems of
 * online dialogues for the following years. The seed gives no participants and no opinions, so none
 * are recorded.
 */
@ApplicationScoped
public class MeetingDemoData {

    private static final Logger LOG = Logger.getLogger(MeetingDemoData.class.getName());

    @Inject
    Loader loader;

    void onDemo(@Observes DemoDataLoaded loaded) {
        if (loaded.municipalityCodes().contains(EngagementDemoData.TSUKUBA)) {
            CallerContext.runAs(Caller.SYSTEM, () -> {
                loader.load();
                return null;
            });
        }
    }

    /** The FY2020 meetings, in a transaction of their own. */
    @ApplicationScoped
    public static class Loader {

        @Inject
        Tenancy tenancy;

        @Inject
        MeetingService service;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void load() {
            tenancy.bind(EngagementDemoData.TSUKUBA);
            FiscalYear fy2020 = FiscalYear.of(2020);
            service.create(new TownMeeting.Details(fy2020, null, MeetingKind.DISTRICT, "地区別タウンミーティング（市内6地区）",
                    "市長が市内6地区に出向き、市民と直接意見を交換する", "市内6地区", null, false, MeetingStatus.CANCELLED, null,
                    "新型コロナのリスクを考慮して開催を見合わせました。",
                    "代替措置として、新型コロナについて市民の問合せが多かった質問等に市長が回答する動画を作成し、"
                            + "幅広い層に向けてYouTubeで配信しました（7月）。",
                    true));
            service.create(new TownMeeting.Details(fy2020, LocalDate.of(2021, 2, 19), MeetingKind.STUDENT,
                    "学生懇談会（オンライン・試行）", "大学生に市政への理解・関心を深めてもらい、学生ならではの意見を聴く（筑波大学との協働事業）",
                    null, "オンライン", true, MeetingStatus.HELD, null, null,
                    "学生懇談会を試行的にオンラインで開催し、次年度以降に向けてオンラインで意見交換会を開催する際の課題点等の検出を図りました。",
                    true));
            LOG.info(() -> "Engagement demo data: FY2020 town meetings of " + EngagementDemoData.TSUKUBA + " (seed 000 #9)");
        }
    }
}
