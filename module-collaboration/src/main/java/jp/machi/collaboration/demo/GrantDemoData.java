package jp.machi.collaboration.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;
import jp.machi.collaboration.grant.application.GrantService;
import jp.machi.collaboration.grant.domain.GrantApplication;
import jp.machi.collaboration.grant.domain.GrantCall;
import jp.machi.collaboration.partner.application.PartnerService;
import jp.machi.collaboration.partner.domain.Partner;
import jp.machi.core.demo.DemoDataLoaded;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.persistence.Tenancy;

/**
 * Demo data of the proposal-based grants (協働提案型公募補助).
 *
 * <p>取手市 (seed 004, 改革項目14): the seed says the 協働提案型公募補助制度 funds public-interest projects
 * for at most 6 years from their start-up (事業立ち上げ時期の最長6年間). That rule is the calls' 6 years;
 * everything else — calls, amounts, rates, applications — is <strong>invented</strong> (flagged
 * {@code invented}, （架空） in the titles), on the invented partners of {@link CollaborationDemoData}:
 * a FY2024 call with two adopted projects (one in its 6th year, settled with an amount returned), and
 * next fiscal year's call open now with an application to check.
 *
 * <p>茅ヶ崎市 (seed 003, 平成31年度 業務計画, 3 市民活動推進補助事業 budget 4,109 千円; the schedule's
 * げんき基金企画書作成会 in October and 実施報告書作成相談会 in January): the 市民活動げんき基金 call of
 * FY2019 with the seed's budget and workshop month. The call's other figures, days and criteria are
 * <strong>invented</strong>; the seed names no applicant, so there are none.
 */
@ApplicationScoped
public class GrantDemoData {

    private static final Logger LOG = Logger.getLogger(GrantDemoData.class.getName());

    static final String NOTE = "（デモ用の架空のデータです）";

    @Inject
    Chigasaki chigasaki;

    void onDemo(@Observes DemoDataLoaded loaded) {
        if (loaded.municipalityCodes().contains(SponsorshipAssociationDemoData.CHIGASAKI)) {
            CallerContext.runAs(Caller.SYSTEM, () -> {
                chigasaki.load();
                return null;
            });
        }
    }

    static List<GrantCall.Criterion> criteria() {
        return List.of(new GrantCall.Criterion("公益性", 3), new GrantCall.Criterion("実現性", 2),
                new GrantCall.Criterion("協働の効果", 2), new GrantCall.Criterion("発展性・継続性", 1));
    }

    /** 取手市's invented calls and applications, in {@link CollaborationDemoData}'s transaction (its partners). */
    static void toride(GrantService grants, Partner art, Partner kosodate) {
        LocalDate today = PartnerService.today();
        GrantCall r6 = grants.create(new GrantCall.Content(2024, "（架空）令和6年度 協働提案型公募補助事業",
                "市民の自発的な公益活動を支援する (取手市 行政改革 改革項目14)。" + NOTE,
                "市内で公益的な活動を行う登録団体。事業立ち上げから最長6年間。" + NOTE, 1_500_000, 500_000, 90, 6,
                new GrantCall.Schedule(LocalDate.of(2024, 1, 20), LocalDate.of(2024, 2, 3), LocalDate.of(2024, 2, 5),
                        LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 16), LocalDate.of(2024, 3, 29)), criteria(), true));
        GrantApplication mural = grants.apply(r6, new GrantApplication.Content(art.getId(), null,
                "（架空）壁画によるまちづくり事業", "商店街の壁面に市民と芸術家が壁画を描く。" + NOTE, 2019, 400_000,
                List.of(new GrantApplication.Line("画材・塗料", 320_000, true), new GrantApplication.Line("講師謝礼", 130_000, true),
                        new GrantApplication.Line("打ち上げ費", 40_000, false))), "PAPER", LocalDate.of(2024, 2, 20), true);
        mural.checkCompleteness(true, null);
        mural.decide(true, 400_000L, null, LocalDate.of(2024, 3, 29));
        mural.settle(400_000, 372_000, "壁画 2 面を制作、参加者 140 人。" + NOTE, LocalDate.of(2025, 4, 25));
        GrantApplication kids = grants.apply(r6, new GrantApplication.Content(kosodate.getId(), null,
                "（架空）親子の居場所づくり", "週 1 回、親子が集える居場所を開く。" + NOTE, 2024, 300_000,
                List.of(new GrantApplication.Line("会場使用料", 180_000, true), new GrantApplication.Line("消耗品", 160_000, true))),
                "PAPER", LocalDate.of(2024, 2, 26), true);
        kids.checkCompleteness(true, null);
        kids.decide(true, 300_000L, null, LocalDate.of(2024, 3, 29));

        int next = FiscalYear.containing(today).startYear() + 1;
        GrantCall open = grants.create(new GrantCall.Content(next, "（架空）" + FiscalYear.of(next).japaneseLabel()
                + " 協働提案型公募補助事業", "市民の自発的な公益活動を支援する (取手市 行政改革 改革項目14)。" + NOTE,
                "市内で公益的な活動を行う登録団体。事業立ち上げから最長6年間。" + NOTE, 1_500_000, 500_000, 90, 6,
                new GrantCall.Schedule(today.minusDays(30), today.minusDays(14), today.minusDays(10), today.plusDays(40),
                        today.plusDays(60), today.plusDays(75)), criteria(), true));
        grants.apply(open, new GrantApplication.Content(kosodate.getId(), null, "（架空）親子の居場所づくり",
                "週 2 回に広げ、地域の高齢者も迎える。" + NOTE, 2024, 300_000,
                List.of(new GrantApplication.Line("会場使用料", 250_000, true), new GrantApplication.Line("消耗品", 120_000, true))),
                "PAPER", today.minusDays(2), true);
        LOG.info(() -> "Grant demo data: 2 invented calls and 3 invented applications of " + CollaborationDemoData.TORIDE);
    }

    /** 茅ヶ崎市's FY2019 市民活動げんき基金 call, in a transaction of its own. */
    @ApplicationScoped
    public static class Chigasaki {

        @Inject
        Tenancy tenancy;

        @Inject
        GrantService grants;

        @Inject
        jp.machi.collaboration.grant.application.FundService funds;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void load() {
            tenancy.bind(SponsorshipAssociationDemoData.CHIGASAKI);
            // The fund's name and the FY2019 call's budget (4,109 千円) are the seed's; the balance, donations and
            // interest are invented (the fund is marked invented).
            jp.machi.collaboration.grant.domain.Fund fund = funds.create(new jp.machi.collaboration.grant.domain.Fund.Content(
                    "市民活動げんき基金", "市民活動の推進を財政的に支援する基金（期首残高・寄附・運用益は架空の数字です）", 2019,
                    12_000_000, java.util.List.of(
                            new jp.machi.collaboration.grant.domain.Fund.Entry(2019,
                                    jp.machi.collaboration.grant.domain.Fund.Kind.DONATION, 1_250_000, "（架空）市民・事業者からの寄附"),
                            new jp.machi.collaboration.grant.domain.Fund.Entry(2019,
                                    jp.machi.collaboration.grant.domain.Fund.Kind.INTEREST, 3_600, "（架空）運用益"))), true);
            grants.create(new GrantCall.Content(2019, "市民活動げんき基金補助金（平成31年度）",
                    "市民活動の推進を財政的に支援し、市民活動のさらなる活性化を図る (茅ヶ崎市 平成31年度 市民自治推進課 業務計画"
                            + " 3 市民活動推進補助事業)。予算額は同事業の予算 4,109 千円。上限額・補助率・日付・審査基準は架空です。",
                    "市内で活動する市民活動団体（架空の記述）", 4_109_000, 300_000, 80, 6,
                    new GrantCall.Schedule(LocalDate.of(2019, 4, 20), LocalDate.of(2019, 10, 19), LocalDate.of(2019, 11, 1),
                            LocalDate.of(2019, 11, 29), LocalDate.of(2020, 1, 25), LocalDate.of(2020, 2, 14)), criteria(), true),
                    java.util.List.of(), fund.getId());
            LOG.info(() -> "Grant demo data: the FY2019 げんき基金 call of " + SponsorshipAssociationDemoData.CHIGASAKI);
        }
    }
}
