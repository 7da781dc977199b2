package jp.machi.engagement.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import jp.machi.core.demo.DemoDataLoaded;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.organization.domain.OrganizationUnit;
import jp.machi.core.persistence.Tenancy;
import jp.machi.core.workflow.WorkflowService;
import jp.machi.engagement.proposal.application.ProposalAnswerWorkflow;
import jp.machi.engagement.proposal.application.ProposalService;
import jp.machi.engagement.proposal.domain.CitizenProposal;
import jp.machi.engagement.proposal.domain.ProposalStatus;
import jp.machi.engagement.voice.domain.Channel;

/**
 * 周南市's まちづくり提言制度 as seed 001 describes it (令和5年度 部の運営方針, シティネットワーク推進部, goal ③
 * 「まちづくり提言制度等広聴活動の充実」, 市民の声を聞く課): residents make proposals, the city considers them
 * across its units (庁内連携), answers the proposer and publishes proposal and answer. The seed names
 * the system but no proposal, so the three proposals here are invented and say so: titles marked
 * （架空）, bodies 「デモ用の架空の提言です」, proposers named 見本, e-mail at example.jp. One is realised
 * in part and published with its approved answer, one is under consideration by two units and
 * published, one was just received.
 */
@ApplicationScoped
public class ProposalDemoData {

    private static final Logger LOG = Logger.getLogger(ProposalDemoData.class.getName());
    static final String SHUNAN = "352152";

    @Inject
    Loader loader;

    void onDemo(@Observes DemoDataLoaded loaded) {
        if (loaded.municipalityCodes().contains(SHUNAN)) {
            CallerContext.runAs(Caller.SYSTEM, () -> {
                loader.load();
                return null;
            });
        }
    }

    /** The invented proposals, in a transaction of their own. */
    @ApplicationScoped
    public static class Loader {

        @Inject
        Tenancy tenancy;

        @Inject
        ProposalService service;

        @Inject
        WorkflowService workflows;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void load() {
            var em = tenancy.bind(SHUNAN);
            LocalDate today = LocalDate.now(ProposalService.JAPAN);
            UUID koe = unit(em, "1030", today);
            UUID promotion = unit(em, "1010", today);
            UUID koho = unit(em, "1020", today);

            CitizenProposal a = service.receive(at(today.minusDays(90)), Channel.WEB_FORM, "まちづくり・都市計画",
                    "（架空）駅前広場でのマルシェ開催",
                    "（デモ用の架空の提言です）駅前広場で月に一度、地元の農産物や特産品を販売するマルシェを開いては"
                            + "どうでしょうか。まちのにぎわいと周南の魅力の発信につながると思います。",
                    new CitizenProposal.Proposer("見本 花子", "山口県周南市（架空）", null, "mihon.hanako@example.jp"));
            String answerA = "（架空の回答）ご提言ありがとうございます。関係課で検討し、年2回、試行として駅前広場でマルシェを開催"
                    + "することとしました。毎月の開催は、出店者の確保と合わせて引き続き検討します。";
            service.handle(a, new CitizenProposal.Handling(a.getField(), a.getTitle(), a.getBody(), promotion,
                    koho == null ? Map.of() : Map.of(koho, "（架空）開催の告知を広報紙とSNSで行う"),
                    ProposalStatus.CONSIDERING, answerA, false, null));
            workflows.take(ProposalAnswerWorkflow.DEFINITION, a, "submit", null, Caller.SYSTEM);
            workflows.take(ProposalAnswerWorkflow.DEFINITION, a, "approve", null, Caller.SYSTEM);
            service.handle(a, new CitizenProposal.Handling(a.getField(), a.getTitle(), a.getBody(), promotion,
                    koho == null ? Map.of() : Map.of(koho, "（架空）開催の告知を広報紙とSNSで行う"),
                    ProposalStatus.PARTLY_REALISED, answerA, true,
                    "（架空）駅前広場で地元の農産物や特産品のマルシェを定期的に開き、にぎわいと魅力発信につなげる提言です。"));

            CitizenProposal b = service.receive(at(today.minusDays(30)), Channel.LETTER, "行政運営",
                    "（架空）市の情報を高齢者にも届ける工夫",
                    "（デモ用の架空の提言です）ホームページを見ない高齢者にも市の情報が届くよう、地区の集会所に"
                            + "広報紙の拡大版を置いてほしいです。",
                    new CitizenProposal.Proposer("見本 一郎", "山口県周南市（架空）", null, null));
            service.handle(b, new CitizenProposal.Handling(b.getField(), b.getTitle(), b.getBody(), koho,
                    koe == null ? Map.of() : Map.of(koe, "（架空）地区の懇談会でも同様の意見あり"),
                    ProposalStatus.CONSIDERING, null, true,
                    "（架空）ホームページを使わない高齢者にも市政情報が届くよう、集会所に広報紙の拡大版を置く提言です。"));

            service.receive(at(today.minusDays(3)), Channel.WEB_FORM, "子育て・教育", "（架空）公園に屋根付きの遊び場を",
                    "（デモ用の架空の提言です）雨の日でも子どもが遊べる屋根付きの遊び場を、公園に整備してほしいです。",
                    new CitizenProposal.Proposer(null, null, null, null));
            LOG.info(() -> "Engagement demo data: 3 invented citizen proposals of " + SHUNAN);
        }

        private static OffsetDateTime at(LocalDate day) {
            return day.atTime(10, 0).atZone(ProposalService.JAPAN).toOffsetDateTime();
        }

        private static UUID unit(jakarta.persistence.EntityManager em, String code, LocalDate on) {
            List<OrganizationUnit> found = em.createNamedQuery("OrganizationUnit.byCodeOn", OrganizationUnit.class)
                    .setParameter("code", code).setParameter("date", on).getResultList();
            return found.isEmpty() ? null : found.get(0).getId();
        }
    }
}
