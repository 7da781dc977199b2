package jp.machi.engagement.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import jp.machi.core.demo.DemoDataLoaded;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.indicator.application.IndicatorService;
import jp.machi.core.indicator.domain.Direction;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.IndicatorKind;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.workflow.WorkflowService;
import jp.machi.engagement.EngagementModule;
import jp.machi.engagement.voice.application.VoiceAnswerWorkflow;
import jp.machi.engagement.voice.application.VoiceMetrics;
import jp.machi.engagement.voice.application.VoiceRoutings;
import jp.machi.engagement.voice.application.VoiceService;
import jp.machi.engagement.voice.domain.Channel;
import jp.machi.engagement.voice.domain.CitizenVoice;
import jp.machi.engagement.voice.domain.VoiceStatus;
import jp.machi.engagement.voice.domain.VoiceYearRecord;

/**
 * The engagement module's demo data for つくば市: its recorded voice figures of FY2020 as seed 000
 * gives them (市長へのたより・メール等広聴事業: 要望等の対応数1,562件, うち文書等による回答を要するものは713件,
 * 40日以内の回答率89.6%), three indicators bound to the voice metrics that show them as FY2020
 * actuals, and four citizen voices. The seeds contain no citizen voice itself, so the voices are
 * plainly invented: subjects marked （架空）, senders named 見本 (sample), addresses without a street
 * number, e-mail at example.jp, telephone numbers of zeros; one is shared by two units (invented
 * routing).
 */
@ApplicationScoped
public class EngagementDemoData {

    private static final Logger LOG = Logger.getLogger(EngagementDemoData.class.getName());
    static final String TSUKUBA = "082201";

    @Inject
    Voices voices;

    void onDemo(@Observes DemoDataLoaded loaded) {
        if (loaded.municipalityCodes().contains(TSUKUBA)) {
            CallerContext.runAs(Caller.SYSTEM, () -> {
                voices.load();
                return null;
            });
        }
    }

    /** The invented voices, in a transaction of their own. */
    @ApplicationScoped
    public static class Voices {

        @Inject
        Tenancy tenancy;

        @Inject
        VoiceService service;

        @Inject
        WorkflowService workflows;

        @Inject
        VoiceRoutings routings;

        @Inject
        IndicatorService indicators;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void load() {
            var em = tenancy.bind(TSUKUBA);
            LocalDate today = VoiceService.today();
            UUID kocho = unit(em, "1030", today);
            UUID kiki = unit(em, "1040", today);
            UUID koho = unit(em, "1020", today);

            CitizenVoice a = service.receive(today.minusDays(60).atStartOfDay(VoiceService.JAPAN).toOffsetDateTime(),
                    Channel.WEB_FORM, "防災", "（架空）避難所の案内表示について",
                    "（デモ用の架空の投稿です）近所の避難所の場所を示す看板が小さく、夜間は見えにくいと感じました。"
                            + "案内表示を見直していただけないでしょうか。",
                    new CitizenVoice.Sender("見本 花子", "茨城県つくば市（架空）", "000-0000-0001",
                            "mihon.hanako@example.jp", true));
            String answerA = "（架空の回答）ご意見ありがとうございます。避難所の案内看板は順次、夜間でも見やすい反射材付きのものに"
                    + "取り替えてまいります。";
            service.handle(a, new CitizenVoice.Handling(a.getChannel(), a.getCategory(), a.getSubject(), a.getBody(),
                    kiki, VoiceStatus.IN_PROGRESS, a.getAnswerDue(), answerA, false, null));
            // 回答の決裁: drafted, submitted and approved before it is closed and published.
            workflows.take(VoiceAnswerWorkflow.DEFINITION, a, "submit", null, Caller.SYSTEM);
            workflows.take(VoiceAnswerWorkflow.DEFINITION, a, "approve", null, Caller.SYSTEM);
            service.handle(a, new CitizenVoice.Handling(a.getChannel(), a.getCategory(), a.getSubject(), a.getBody(),
                    kiki, VoiceStatus.CLOSED, a.getAnswerDue(), answerA,
                    true, "避難所の案内看板が夜間に見えにくいとのご意見をいただきました。"));

            CitizenVoice b = service.receive(today.minusDays(50).atStartOfDay(VoiceService.JAPAN).toOffsetDateTime(),
                    Channel.LETTER, "広報", "（架空）広報紙の文字の大きさ",
                    "（デモ用の架空の投稿です）広報紙の文字が小さく読みにくいので、大きな文字の版があると助かります。",
                    new CitizenVoice.Sender("見本 一郎", "茨城県つくば市（架空）", null, null, true));
            service.handle(b, new CitizenVoice.Handling(b.getChannel(), b.getCategory(), b.getSubject(), b.getBody(),
                    koho, VoiceStatus.IN_PROGRESS, b.getAnswerDue(), null, false, null));

            CitizenVoice c = service.receive(today.minusDays(10).atStartOfDay(VoiceService.JAPAN).toOffsetDateTime(),
                    Channel.EMAIL, "まちづくり", "（架空）公園のベンチを増やしてほしい",
                    "（デモ用の架空の投稿です）散歩の途中で休めるよう、公園にベンチを増やしてほしいです。",
                    new CitizenVoice.Sender("見本 次郎", null, null, "mihon.jiro@example.jp", true));
            service.handle(c, new CitizenVoice.Handling(c.getChannel(), c.getCategory(), c.getSubject(), c.getBody(),
                    kocho, VoiceStatus.IN_PROGRESS, c.getAnswerDue(), null, false, null));
            if (koho != null && kocho != null) {
                // Invented routing: 広聴 office leads, 広報 shares it.
                routings.route(c, kocho, List.of(koho), null);
            }

            service.receive(today.minusDays(2).atStartOfDay(VoiceService.JAPAN).toOffsetDateTime(), Channel.WEB_FORM,
                    "その他", "（架空）市役所の開庁時間について",
                    "（デモ用の架空の投稿です）平日の夜に手続きができる日があると助かります。回答は不要です。",
                    new CitizenVoice.Sender(null, null, null, null, false));
            figures(em);
            LOG.info(() -> "Engagement demo data: FY2020 voice figures, 3 bound indicators, 4 invented citizen voices of "
                    + TSUKUBA);
        }

        /** Seed 000 (つくば市 令和2年度 事務事業評価, No.16 市長へのたより・メール等広聴事業): FY2020 as recorded. */
        private void figures(jakarta.persistence.EntityManager em) {
            FiscalYear fy = FiscalYear.of(2020);
            em.persist(new VoiceYearRecord(2020, 1562, 713, new java.math.BigDecimal("89.6"),
                    "令和2年度 事務事業評価「市長へのたより・メール等広聴事業」(要望等の対応数1,562件、うち文書等による回答を要するもの713件、"
                            + "40日以内の回答率89.6%)"));
            String note = "実績値は engagement モジュールの市民の声から自動で計算されます。令和2年度は事務事業評価に記録された値です。";
            indicators.create(new Indicator.Definition("KOCHO-1", "市民の声の受付件数", "Citizen voices received",
                    IndicatorKind.ACTIVITY, "広聴", "件", Direction.HIGHER_IS_BETTER, null, null, null, null, false, null,
                    EngagementModule.ID, VoiceMetrics.RECEIVED, note), List.of(new Indicator.YearFigures(fy, null, null)));
            indicators.create(new Indicator.Definition("KOCHO-2", "文書等による回答を要する市民の声の件数",
                    "Citizen voices needing a written answer", IndicatorKind.ACTIVITY, "広聴", "件", Direction.HIGHER_IS_BETTER,
                    null, null, null, null, false, null, EngagementModule.ID, VoiceMetrics.WRITTEN_ANSWER_REQUIRED, note),
                    List.of(new Indicator.YearFigures(fy, null, null)));
            indicators.create(new Indicator.Definition("KOCHO-3", "期限内回答率 (40日以内)", "Share answered within the deadline",
                    IndicatorKind.OUTCOME, "広聴", "%", Direction.HIGHER_IS_BETTER, null, null, null, null, false, null,
                    EngagementModule.ID, VoiceMetrics.ANSWERED_ON_TIME, note), List.of(new Indicator.YearFigures(fy, null, null)));
        }

        private static UUID unit(jakarta.persistence.EntityManager em, String code, LocalDate on) {
            List<OrganizationUnit> found = em.createNamedQuery("OrganizationUnit.byCodeOn", OrganizationUnit.class)
                    .setParameter("code", code).setParameter("date", on).getResultList();
            return found.isEmpty() ? null : found.get(0).getId();
        }
    }
}
