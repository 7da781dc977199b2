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
import jp.machi.promotion.donation.application.DonationMetrics;
import jp.machi.promotion.donation.application.DonationService;
import jp.machi.promotion.donation.application.DonationUseService;
import jp.machi.promotion.donation.application.DonorService;
import jp.machi.promotion.donation.application.ReturnGiftService;
import jp.machi.promotion.donation.domain.Donation;
import jp.machi.promotion.donation.domain.Donor;
import jp.machi.promotion.donation.domain.LocalProductGround;
import jp.machi.promotion.donation.domain.PaymentMethod;
import jp.machi.promotion.donation.domain.ReturnGift;

/**
 * The promotion module's demo data for 周南市 (seed 001, 令和5年度 部の運営方針 of シティネットワーク推進部).
 * The seed gives goal ⑤ 「ふるさと周南応援寄附金の増加」 (finance the city and link PR through return gifts
 * with its promotion) and mid-term goal 4 (周南ブランドや様々な特産品等を返礼品とし…), but no uses, gifts,
 * donors or figures. So: one indicator named after goal ⑤, bound to the donation amount metric,
 * without targets (the seed gives none); everything else is plainly invented and says so — names
 * start with （架空）, donors are 見本 (sample) with addresses without a street, e-mail at example.jp
 * and telephone numbers of zeros.
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
            for (D d : invented) {
                donations.create(new Donation.Content(d.donor(), LocalDate.parse(d.day()), d.amount(), d.pm(), d.channel(), d.use(),
                        d.gift(), d.publish()));
            }
            indicators.create(new Indicator.Definition("PROMO-5", "ふるさと周南応援寄附金の寄附額", "Hometown-tax donations to Shunan",
                    IndicatorKind.OUTCOME, "シティプロモーション", "円", Direction.HIGHER_IS_BETTER, null, null, null, null, false, null,
                    PromotionModule.ID, DonationMetrics.AMOUNT,
                    "令和5年度 部の運営方針 (シティネットワーク推進部) の目標⑤「ふるさと周南応援寄附金の増加」。方針書に数値目標はないため目標値は空欄。"
                            + "実績値は promotion モジュールの寄附 (デモでは架空の寄附) から自動で計算されます。"),
                    List.of(new Indicator.YearFigures(FiscalYear.of(2023), null, null),
                            new Indicator.YearFigures(FiscalYear.of(2024), null, null)));
            LOG.info(() -> "Promotion demo data: 3 invented uses, 2 invented gifts, 3 invented donors and " + invented.size()
                    + " invented donations of " + SHUNAN + ", and the indicator of goal ⑤ bound to " + DonationMetrics.AMOUNT);
        }
    }
}
