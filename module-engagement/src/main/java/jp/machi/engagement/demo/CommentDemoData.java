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
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.Tenancy;
import jp.machi.engagement.comment.application.CommentService;
import jp.machi.engagement.comment.domain.CommentKind;
import jp.machi.engagement.comment.domain.CommentProcedure;
import jp.machi.engagement.comment.domain.SubmissionChannel;
import jp.machi.engagement.voice.application.VoiceService;

/**
 * Public comment demo data for つくば市. The seeds hold no public comment procedure, so both are
 * plainly invented and say so in their titles and texts (（架空）, 「デモ用の架空の案件です」): one open
 * now (30 days, ten of them gone), one whose period ended two months ago with two invented
 * submissions (senders 見本, addresses without street numbers) and its published results.
 */
@ApplicationScoped
public class CommentDemoData {

    private static final Logger LOG = Logger.getLogger(CommentDemoData.class.getName());

    @Inject
    Procedures procedures;

    void onDemo(@Observes DemoDataLoaded loaded) {
        if (loaded.municipalityCodes().contains(EngagementDemoData.TSUKUBA)) {
            CallerContext.runAs(Caller.SYSTEM, () -> {
                procedures.load();
                return null;
            });
        }
    }

    /** The invented procedures, in a transaction of their own. */
    @ApplicationScoped
    public static class Procedures {

        @Inject
        Tenancy tenancy;

        @Inject
        CommentService service;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void load() {
            var em = tenancy.bind(EngagementDemoData.TSUKUBA);
            LocalDate today = VoiceService.today();
            UUID kocho = unit(em, "1030", today);
            CommentProcedure open = service.create(new CommentProcedure.Draft("（架空）市民参加のまちづくり指針（案）",
                    CommentKind.PLAN, "（デモ用の架空の案件です）市民と市が協力してまちづくりを進めるための考え方をまとめた指針の案です。",
                    kocho, today.minusDays(10), today.plusDays(19), null));
            service.announce(open);

            CommentProcedure past = service.create(new CommentProcedure.Draft("（架空）公園の利用に関する規則の一部改正（案）",
                    CommentKind.RULE, "（デモ用の架空の案件です）公園でのボール遊びができる区域を定める改正案です。", kocho,
                    today.minusDays(90), today.minusDays(61), null));
            service.announce(past);
            service.receive(past, today.minusDays(80).atStartOfDay(VoiceService.JAPAN).toOffsetDateTime(),
                    SubmissionChannel.WEB_FORM, "（デモ用の架空の意見です）ボール遊びの区域に、時間帯の決まりも設けてほしい。", 1,
                    "見本 三郎", "茨城県つくば市（架空）");
            service.receive(past, today.minusDays(70).atStartOfDay(VoiceService.JAPAN).toOffsetDateTime(),
                    SubmissionChannel.POST, "（デモ用の架空の意見です）区域の案内板を設けてほしい。区域を広げてほしい。", 2,
                    "見本 四郎", "茨城県つくば市（架空）");
            service.prepareResults(past, List.of(
                    new CommentProcedure.Response("（架空）ボール遊びができる時間帯を決めてほしい。", 1,
                            "（架空の考え方）午前9時から午後5時までとする規定を加えました。", true),
                    new CommentProcedure.Response("（架空）区域の案内板の設置と区域の拡大", 2,
                            "（架空の考え方）案内板は設置します。区域は周辺の利用状況を見て検討します。", false)),
                    "（架空）いただいたご意見を踏まえ、時間帯の規定を加えました。", null);
            service.publishResults(past);
            LOG.info(() -> "Engagement demo data: 2 invented public comments of " + EngagementDemoData.TSUKUBA);
        }

        private static UUID unit(jakarta.persistence.EntityManager em, String code, LocalDate on) {
            List<OrganizationUnit> found = em.createNamedQuery("OrganizationUnit.byCodeOn", OrganizationUnit.class)
                    .setParameter("code", code).setParameter("date", on).getResultList();
            return found.isEmpty() ? null : found.get(0).getId();
        }
    }
}
