package jp.machi.collaboration.demo;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import jp.machi.collaboration.CollaborationModule;
import jp.machi.collaboration.partnership.application.PartnershipMetrics;
import jp.machi.collaboration.partnership.application.PartnershipService;
import jp.machi.collaboration.partnership.domain.AgreementKind;
import jp.machi.collaboration.partnership.domain.PartnershipAgreement;
import jp.machi.collaboration.partnership.domain.StartupYear;
import jp.machi.collaboration.partnership.domain.VacantShopGrant;
import jp.machi.core.demo.DemoDataLoaded;
import jp.machi.core.fiscalyear.FiscalYear;
import jp.machi.core.identity.Caller;
import jp.machi.core.identity.CallerContext;
import jp.machi.core.indicator.application.IndicatorService;
import jp.machi.core.indicator.domain.Indicator;
import jp.machi.core.indicator.domain.IndicatorYearValue;
import jp.machi.core.persistence.Tenancy;

/**
 * Demo data of 取手市's 改革項目15–16 (seed 004): the partnership with 東京藝術大学 and its activities
 * as the seed lists them (school programmes at 14 elementary and 6 junior high schools, two ふれあい
 * コンサート with 550 visitors in all, four 取手市長賞), the start-up support network and an invented
 * supermarket agreement; start-up figures per fiscal year and empty-shop grants. The seed gives the
 * indicator's targets (新規起業家数（累計） 127 → 207, R2–R6) but no actual: every figure and grant is
 * <strong>invented</strong> (（架空）, {@code invented}); the yearly new businesses are chosen so that
 * the running total reaches the seed's 207 in 令和6年度. The indicators 新規起業家数（累計） (baseline: the
 * recorded years up to 令和元年度) and 空き店舗活用補助金交付件数 are bound to the module's metrics. Runs
 * after the planning module's demo data, which makes the second indicator.
 */
@ApplicationScoped
public class PartnershipDemoData {

    static final String NEW_BUSINESSES = "16";
    static final String VACANT_SHOPS = "16-2";

    private static final Logger LOG = Logger.getLogger(PartnershipDemoData.class.getName());

    @Inject
    Toride toride;

    void onDemo(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) DemoDataLoaded loaded) {
        if (loaded.municipalityCodes().contains(CollaborationDemoData.TORIDE)) {
            CallerContext.runAs(Caller.SYSTEM, () -> {
                toride.load();
                return null;
            });
        }
    }

    @ApplicationScoped
    public static class Toride {

        @Inject
        Tenancy tenancy;

        @Inject
        PartnershipService partnerships;

        @Inject
        IndicatorService indicators;

        private static final String NOTE = "（デモ用の架空のデータです）";

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void load() {
            var em = tenancy.bind(CollaborationDemoData.TORIDE);
            partnerships.create(new PartnershipAgreement.Content("東京藝術大学と取手市の連携", null, "東京藝術大学",
                    AgreementKind.UNIVERSITY, LocalDate.of(2012, 4, 1), null, "1年ごとの自動更新（架空）",
                    List.of("芸術・文化", "学校教育", "生涯学習"),
                    "連携事業は取手市 行政改革 改革項目15 の記載による。締結日・更新・実施日・コンサートの入場者の内訳はデモ用の架空の値です。",
                    true), List.of(
                    new PartnershipAgreement.Activity(LocalDate.of(2019, 6, 14), "小学生への美術指導（14校）", "学校プログラム",
                            null, "市内小学校14校"),
                    new PartnershipAgreement.Activity(LocalDate.of(2019, 7, 5), "中学生への音楽指導（6校）", "学校プログラム",
                            null, "市立中学校6校（吹奏楽部）"),
                    new PartnershipAgreement.Activity(LocalDate.of(2019, 10, 20), "ふれあいコンサート（第1回）", "演奏会", 300,
                            "2回の入場者数計550人（内訳は架空）"),
                    new PartnershipAgreement.Activity(LocalDate.of(2020, 2, 16), "ふれあいコンサート（第2回）", "演奏会", 250,
                            "2回の入場者数計550人（内訳は架空）"),
                    new PartnershipAgreement.Activity(LocalDate.of(2020, 1, 28), "取手市長賞の授与（美術部門 2点）", "表彰", null,
                            "東京藝大卒業・修了作品展の優秀作品"),
                    new PartnershipAgreement.Activity(LocalDate.of(2020, 3, 10), "取手市長賞の授与（音楽部門 2点）", "表彰", null,
                            "東京藝大卒業・修了予定者のうち優秀な成績を修めた者")));
            partnerships.create(new PartnershipAgreement.Content("創業支援等事業計画に基づく創業支援の連携", null,
                    "一般社団法人とりで起業家支援ネットワーク", AgreementKind.OTHER, LocalDate.of(2015, 4, 1), null,
                    "創業支援等事業計画の認定期間ごとに更新（架空）", List.of("創業支援", "産業振興"),
                    "平成27年度から創業支援等事業を実施 (改革項目16)。締結日・更新はデモ用の架空の値です。", true), List.of());
            partnerships.create(new PartnershipAgreement.Content("（架空）買い物弱者支援事業（移動販売）に関する協定", null,
                    "（架空）見本スーパーマーケット株式会社", AgreementKind.COMPANY, LocalDate.of(2021, 7, 1),
                    LocalDate.of(2026, 3, 31), null, List.of("買い物支援", "高齢者の見守り"), NOTE, true), List.of(
                    new PartnershipAgreement.Activity(LocalDate.of(2021, 10, 1), "（架空）移動販売の開始", "その他", null, NOTE)));

            // 新規起業家数: H27–R1 sum to the baseline 107 (R2's target 127 less 20); R2–R6 reach 207.
            int[][] years = {{2015, 45, 14}, {2016, 52, 19}, {2017, 58, 22}, {2018, 61, 25}, {2019, 66, 27},
                {2020, 63, 18}, {2021, 70, 21}, {2022, 72, 22}, {2023, 68, 19}, {2024, 75, 20}};
            for (int[] y : years) {
                partnerships.record(FiscalYear.of(y[0]), new StartupYear.Figures(y[1], y[2], NOTE, true));
            }
            int[][] grants = {{2019, 3}, {2020, 4}, {2021, 4}, {2022, 5}, {2023, 3}, {2024, 4}};
            String[] towns = {"取手", "新町", "白山", "藤代", "戸頭"};
            String[] lines = {"カフェ", "雑貨店", "学習塾", "美容室", "パン店"};
            int n = 0;
            for (int[] g : grants) {
                for (int i = 0; i < g[1]; i++) {
                    n++;
                    partnerships.create(new VacantShopGrant.Content("（架空）見本商店 " + n, "茨城県取手市" + towns[n % 5]
                            + "（架空）" + (n % 3 + 1) + "丁目", lines[n % 5], 300_000 + 50_000L * (n % 5),
                            LocalDate.of(g[0], 4 + i * 2, 10), LocalDate.of(g[0], 4 + i * 2, 10).plusDays(20), NOTE, true));
                }
            }
            long baseline = partnerships.newBusinessesBefore(FiscalYear.of(2020));
            bind(em, NEW_BUSINESSES, PartnershipMetrics.NEW_BUSINESSES, BigDecimal.valueOf(baseline), FiscalYear.of(2019),
                    "基準値（令和元年度 " + baseline + "人）と各年度の実績はデモ用の架空の値です。");
            long before = partnerships.grantSums(FiscalYear.of(2019))[0];
            bind(em, VACANT_SHOPS, PartnershipMetrics.VACANT_SHOP_GRANTS, BigDecimal.valueOf(before), FiscalYear.of(2019),
                    "基準値（令和元年度 " + before + "件）と各年度の実績はデモ用の架空の値です。");
            int count = n;
            LOG.info(() -> "Partnership demo data: 3 agreements, 10 years of start-up support and " + count
                    + " empty-shop grants (invented) of " + CollaborationDemoData.TORIDE + "; indicators 16 and 16-2 bound");
        }

        private void bind(jakarta.persistence.EntityManager em, String code, String metric, BigDecimal baseline,
                FiscalYear baselineYear, String extraNote) {
            List<Indicator> found = em.createNamedQuery("Indicator.all", Indicator.class).getResultList().stream()
                    .filter(i -> code.equals(i.getCode())).toList();
            if (found.isEmpty()) {
                LOG.warning("Partnership demo data: indicator " + code + " of " + CollaborationDemoData.TORIDE + " is missing");
            }
            for (Indicator i : found) {
                List<Indicator.YearFigures> targets = new ArrayList<>();
                for (IndicatorYearValue v : i.getValues()) {
                    targets.add(new Indicator.YearFigures(v.getFiscalYear(), v.getTarget(), null));
                }
                // The plan's last target is the final one (新規起業家数: 207 in 令和6年度), so that the years shown end there.
                IndicatorYearValue last = i.getValues().stream().filter(v -> v.getTarget() != null)
                        .max(java.util.Comparator.comparing(IndicatorYearValue::getFiscalYear)).orElse(null);
                BigDecimal finalTarget = i.getFinalTarget() != null || last == null ? i.getFinalTarget() : last.getTarget();
                FiscalYear finalYear = i.getFinalTarget() != null || last == null ? i.getFinalTargetYear() : last.getFiscalYear();
                String note = extraNote == null ? i.getNote() : (i.getNote() == null ? extraNote : i.getNote() + " " + extraNote);
                indicators.update(i, new Indicator.Definition(i.getCode(), i.getNameJa(), i.getNameEn(), i.getKind(),
                        i.getCategory(), i.getUnit(), i.getDirection(),
                        baseline == null ? i.getBaselineValue() : baseline,
                        baseline == null ? i.getBaselineYear() : baselineYear,
                        finalTarget, finalYear, i.isCumulative(), i.getOwnerUnitId(),
                        CollaborationModule.ID, metric, note), targets);
            }
        }
    }
}
