package jp.machi.promotion.demo;

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
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.indicator.application.IndicatorService;
import jp.machi.core.indicator.domain.Direction;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.IndicatorKind;
import jp.machi.core.persistence.Tenancy;
import jp.machi.promotion.PromotionModule;
import jp.machi.promotion.donation.application.CollectionCostService;
import jp.machi.promotion.donation.application.DonationMetrics;
import jp.machi.promotion.donation.application.DonationService;
import jp.machi.promotion.donation.application.DonationUseService;
import jp.machi.promotion.donation.application.DonorService;
import jp.machi.promotion.donation.application.ReturnGiftService;
import jp.machi.promotion.donation.application.UseReportService;
import jp.machi.promotion.donation.domain.CollectionCostYear;
import jp.machi.promotion.donation.domain.Donation;
import jp.machi.promotion.donation.domain.Donor;
import jp.machi.promotion.donation.domain.LocalProductGround;
import jp.machi.promotion.donation.domain.PaymentMethod;
import jp.machi.promotion.donation.domain.ReturnGift;
import jp.machi.promotion.donation.domain.UseReport;
import jp.machi.promotion.onestop.application.OneStopService;
import jp.machi.promotion.onestop.domain.OneStopApplication;
import jp.machi.promotion.onestop.domain.OneStopChannel;

/**
 * The promotion module's demo data for 周南市 (seed 001, 令和5年度 部の運営方針 of シティネットワーク推進部).
 * The seed gives goal ⑤ 「ふるさと周南応援寄附金の増加」 (finance the city and link PR through return gifts
 * with its promotion) and mid-term goal 4 (周南ブランドや様々な特産品等を返礼品とし…), but no uses, gifts,
 * donors or figures. So: one indicator named after goal ⑤, bound to the donation amount metric,
 * without targets (the seed gives none); everything else is plainly invented and says so — names
 * start with （架空）, donors are 見本 (sample) with addresses without a street, e-mail at example.jp
 * and telephone numbers of zeros. The ministry's rules on them are invented as well: the collection costs
 * of designation year 2023 (47 % of its donations, near the limit), three one-stop applications and
 * the published use report of 令和5年度.
 */
@ApplicationScoped
public class PromotionDemoData {

    private static final Logger LOG = Logger.getLogger(PromotionDemoData.class.getName());
    static final String SHUNAN = "352152";

    @Inject
    Shunan shunan;

    void onDemo(@Observes DemoDataLoaded loaded) {
        if (loaded.municipalityCodes().contains(SHUNAN)) {
            CallerContext.runAs(Caller.SYSTEM, () -> {
                shunan.load();
                return null;
            });
        }
    }

    /** 周南市's hometown-tax demo, in a transaction of its own. */
    @ApplicationScoped
    public static class Shunan {

        @Inject
        Tenancy tenancy;

        @Inject
        DonationUseService uses;

        @Inject
        ReturnGiftService gifts;

        @Inject
        DonorService donors;

        @Inject
        DonationService donations;

        @Inject
        IndicatorService indicators;

        @Inject
        CollectionCostService costs;

        @Inject
        OneStopService oneStop;

        @Inject
        UseReportService useReports;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void load() {
            tenancy.bind(SHUNAN);
            String note = "デモ用の架空の使途です (シード 001 には使途の一覧がありません)。";
            UUID children = uses.create("（架空）子育て・教育の充実", note, true, 1).getId();
            UUID industry = uses.create("（架空）産業・観光の振興", note, true, 2).getId();
            UUID mayor = uses.create("（架空）市長におまかせ", note, true, 9).getId();
            // Seed 001, mid-term goal 4: 周南ブランドや様々な特産品等を返礼品とし… — the gifts themselves are invented.
            UUID brand = gifts.create(new ReturnGift.Content("（架空）周南ブランド認定品の詰め合わせ", "（架空）周南物産協会",
                    LocalProductGround.PROCESSED_LOCALLY, 3000, 1000, 10000, true)).getId();
            UUID produce = gifts.create(new ReturnGift.Content("（架空）周南の特産品セット", "（架空）周南の生産者組合",
                    LocalProductGround.PRODUCED_LOCALLY, 5800, 1200, 20000, true)).getId();
            UUID hanako = donors.create(new Donor.Person("見本 花子", "ミホン ハナコ", "000-0000", "東京都（架空）", "000-0000-0001",
                    "mihon.hanako@example.jp")).getId();
            UUID ichiro = donors.create(new Donor.Person("見本 一郎", "ミホン イチロウ", "000-0000", "大阪府（架空）", "000-0000-0002",
                    "mihon.ichiro@example.jp")).getId();
            UUID jiro = donors.create(new Donor.Person("見本 次郎", "ミホン ジロウ", "000-0000", "山口県周南市（架空）", null,
                    "mihon.jiro@example.jp")).getId();
            record D(UUID donor, String day, long amount, PaymentMethod pm, String channel, UUID use, UUID gift, boolean publish) {
            }
            List<D> invented = List.of(
                    new D(hanako, "2023-08-14", 10000, PaymentMethod.CREDIT_CARD, "（架空）ポータルサイトA", children, brand, false),
                    new D(ichiro, "2023-12-20", 20000, PaymentMethod.CREDIT_CARD, "（架空）ポータルサイトB", industry, produce, true),
                    new D(hanako, "2023-12-28", 30000, PaymentMethod.ELECTRONIC, "（架空）ポータルサイトA", children, produce, false),
                    new D(jiro, "2024-02-05", 50000, PaymentMethod.BANK_TRANSFER, null, mayor, null, true),
                    new D(ichiro, "2024-11-30", 10000, PaymentMethod.CREDIT_CARD, "（架空）ポータルサイトB", industry, brand, false));
            List<UUID> made = new java.util.ArrayList<>();
            for (D d : invented) {
                made.add(donations.create(new Donation.Content(d.donor(), LocalDate.parse(d.day()), d.amount(), d.pm(), d.channel(), d.use(),
                        d.gift(), d.publish())).getId());
            }
            // The ministry's rules on these invented donations: every figure below is invented too.
            // Collection costs of the designation year 2023 (2023-10 to 2024-09: 100,000 yen donated): 47 %, near the limit.
            String costNote = "（架空）デモ用の架空の費用です (シード 001 に募集費用の記載はありません)。";
            costs.create(new CollectionCostYear.Content(2023, costNote, List.of(
                    new CollectionCostYear.Line("返礼品の調達", 11_600, "（架空）周南の特産品セット 2件"),
                    new CollectionCostYear.Line("返礼品の送付", 2_400, null),
                    new CollectionCostYear.Line("広報", 17_000, "（架空）特設サイトの更新"),
                    new CollectionCostYear.Line("決済", 1_000, null),
                    new CollectionCostYear.Line("ポータルサイト手数料", 5_000, null),
                    new CollectionCostYear.Line("事務", 10_000, null))));
            // One-stop applications (invented): 見本 花子's and 見本 一郎's of 2023 checked and matched; 一郎's of 2024 not checked yet.
            oneStop.create(new OneStopApplication.Content(hanako, 2023, LocalDate.of(2024, 1, 5), OneStopChannel.MAIL, "131016",
                    "東京都千代田区（架空の住所地）", LocalDate.of(2024, 1, 6), "（架空）デモ用の申請です。", List.of(made.get(0), made.get(2)), true, true));
            oneStop.create(new OneStopApplication.Content(ichiro, 2023, LocalDate.of(2024, 1, 9), OneStopChannel.ONLINE, "271004",
                    "大阪府大阪市（架空の住所地）", LocalDate.of(2024, 1, 9), "（架空）デモ用の申請です。", List.of(made.get(1)), true, true));
            oneStop.create(new OneStopApplication.Content(ichiro, 2024, LocalDate.of(2024, 12, 10), OneStopChannel.ONLINE, "271004",
                    "大阪府大阪市（架空の住所地）", null, "（架空）デモ用の申請です (本人確認がまだ)。", List.of(), true, true));
            // What the (invented) donations of 令和5年度 paid for, published on the portal.
            useReports.create(new UseReport.Content(2023, "（架空）デモ用の活用報告です。寄附金は子育て・教育と産業・観光の振興に活用しました。",
                    LocalDate.of(2024, 7, 1), List.of(
                            new UseReport.Line(children, 35_000, "（架空）放課後児童クラブの図書の購入"),
                            new UseReport.Line(industry, 15_000, "（架空）観光パンフレットの多言語化"))));
            indicators.create(new Indicator.Definition("PROMO-5", "ふるさと周南応援寄附金の寄附額", "Hometown-tax donations to Shunan",
                    IndicatorKind.OUTCOME, "シティプロモーション", "円", Direction.HIGHER_IS_BETTER, null, null, null, null, false, null,
                    PromotionModule.ID, DonationMetrics.AMOUNT,
                    "令和5年度 部の運営方針 (シティネットワーク推進部) の目標⑤「ふるさと周南応援寄附金の増加」。方針書に数値目標はないため目標値は空欄。"
                            + "実績値は promotion モジュールの寄附 (デモでは架空の寄附) から自動で計算されます。"),
                    List.of(new Indicator.YearFigures(FiscalYear.of(2023), null, null),
                            new Indicator.YearFigures(FiscalYear.of(2024), null, null)));
            LOG.info(() -> "Promotion demo data: 3 invented uses, 2 invented gifts, 3 invented donors and " + invented.size()
                    + " invented donations of " + SHUNAN + " (with invented collection costs, one-stop applications and a use report)" + ", and the indicator of goal ⑤ bound to " + DonationMetrics.AMOUNT);
        }
    }
}
